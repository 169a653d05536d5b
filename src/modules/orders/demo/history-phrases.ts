/**
 * Words for the demo history: the people who act on orders and what they write in the timeline
 * (reasons, notes, replies). Demo data, not real staff or real cases.
 */

import { pick, type Rand } from './demo-random';

const SURNAMES = [
  '王',
  '刘',
  '黄',
  '梁',
  '何',
  '罗',
  '冯',
  '张',
  '林',
  '邓',
  '谢',
  '吴',
  '陈',
  '杨',
  '周',
  '徐',
  '朱',
  '胡',
  '郭',
  '叶',
  '潘',
  '曾',
  '彭',
  '苏',
  '卢',
  '蔡',
  '钟',
  '麦',
  '区',
  '关',
  '霍',
  '伍',
];
const GIVEN = [
  '志强',
  '建华',
  '丽萍',
  '振东',
  '国强',
  '美玲',
  '子健',
  '海燕',
  '伟明',
  '晓红',
  '俊杰',
  '淑芬',
  '家豪',
  '文华',
  '明亮',
  '凤英',
  '立新',
  '晓东',
  '丽娟',
  '建军',
  '秀兰',
  '志华',
  '伟强',
  '嘉欣',
  '永红',
  '国栋',
  '少芳',
  '志明',
  '丽华',
  '建平',
  '家乐',
  '伟文',
  '少玲',
  '志坚',
  '秀英',
  '嘉豪',
  '敏仪',
  '锦荣',
];

/** A staff member's name for the n-th unit, grid or agent (stable, rarely repeating). */
export function staffName(n: number): string {
  return SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7 + Math.floor(n / SURNAMES.length)) % GIVEN.length];
}

/** How a caller gives their name on the phone: mostly a surname and a title. */
export function callerName(r: Rand): string {
  const s = pick(r, SURNAMES);
  const x = r();
  return x < 0.45 ? `${s}先生` : x < 0.85 ? `${s}女士` : s + pick(r, GIVEN);
}

export function mobile(r: Rand): string {
  const prefix = pick(r, [
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '158',
    '159',
    '186',
    '187',
    '188',
    '189',
    '132',
    '133',
    '177',
    '180',
    '181',
    '191',
    '199',
  ]);
  return prefix + String(Math.floor(r() * 1e8)).padStart(8, '0');
}

export const RETURN_REASONS = [
  '该诉求不属于本单位职责范围，建议转属地社区处理',
  '经现场核实，问题位置不在本单位管辖范围',
  '该事项属于物业管理范畴，应由小区物业或业委会处理',
  '应由行业主管部门依法处理，非本单位职权',
  '经核查为私人产权设施，建议由产权单位处理',
];
export const RETURN_APPROVED_NOTES = ['同意退单，中心重新分拨', '核实属实，改派相关单位'];
export const RETURN_REJECTED = ['经核查属于贵单位职责范围，请按规定办理', '该事项已明确由贵单位牵头处理，退单不予同意'];
export const EXTENSION_REASONS = [
  '需协调多个部门联合处置，申请延期',
  '涉及管线维修，需等待施工材料到位',
  '需委托第三方机构检测，结果出具需要时间',
  '当事人暂无法联系，需进一步调查取证',
  '整改涉及业主表决，需等待表决结果',
];
export const EXTENSION_APPROVED_NOTES = ['同意延期，请在新时限内办结', '情况属实，准予延期'];
export const EXTENSION_REJECTED = ['延期理由不充分，请在原时限内办结', '该事项可在时限内处置完毕，不予延期'];
export const SUSPEND_REASONS = [
  '等待市民补充材料',
  '涉及司法程序，待法院裁定',
  '待业主大会表决',
  '需等待上级部门批复',
  '现场暂不具备施工条件（天气原因）',
];
export const RESUME_NOTES = ['条件具备，恢复办理', '材料已补齐，恢复办理'];
export const URGE_NOTE = '已超过办结时限，请尽快办理';
export const SUPERVISE_NOTES = ['超期5个工作日仍未办结，列入督办', '群众反映强烈，请主要负责人督促办理'];
export const REPLY_REJECTED = ['答复内容过于简单，请补充处置过程及现场照片', '答复未回应市民诉求要点，请重新核实办理'];
export const CANCEL_REASONS = [
  '市民来电表示问题已自行解决，申请撤销',
  '登记信息有误，予以撤销',
  '无效诉求（信息不全、无法核实）',
];
export const CONTACT_NOTES = ['已电话联系市民，约定现场查看时间', '已电话联系市民，了解具体情况', '已上门与市民沟通'];
export const VISIT_NOTES: Record<string, string[]> = {
  satisfied: ['市民对处理结果表示满意', '市民表示问题已解决，满意'],
  basically_satisfied: ['市民表示基本满意', '问题基本解决，市民希望后续加强管理'],
  unsatisfied: ['市民表示问题未解决，要求重新处理', '市民对答复不认可，要求重办'],
  unreachable: ['三次致电均无人接听', '电话停机，无法回访'],
};

/** What units write when they reply, by top-level category; a generic reply otherwise. */
const REPLIES: Record<string, string[]> = {
  '01': [
    '已派执法队员到场处置，现场问题已整改，并纳入日常巡查。',
    '已安排环卫作业人员清理完毕，后续加强巡查保洁。',
    '已通知市政养护单位维修，现已修复。',
    '已对当事人进行教育并责令整改，现场已恢复。',
  ],
  '02': [
    '已安排抢修人员到场处理，现已恢复正常。',
    '经现场排查，已完成维修并向市民解释原因。',
    '已联系供应单位核查，问题已处理，市民表示清楚。',
  ],
  '03': ['已转公交（交通）运营单位核查整改，并加强对驾驶员的管理。', '已安排交警到场处置，加强该路段巡查。'],
  '04': [
    '已联合执法检查，责令相关企业（商户）整改，并将持续跟踪监测。',
    '经现场监测，已督促施工单位落实降噪（降尘）措施。',
  ],
  '05': ['已约谈物业服务企业，督促其限期整改并回复业主。', '已组织住建部门现场核查，督促建设单位整改。'],
  '06': ['已对涉事商户进行检查，依法责令整改并协调退赔。', '已立案调查，并将处理结果告知市民。'],
  '07': ['已约谈用人单位，督促其依法支付工资并签订劳动合同。', '已向市民解释相关政策及办理流程。'],
  '08': ['已核查医疗机构服务情况并督促改进。', '已安排消杀人员到场处理。'],
  '09': ['已向市民解释招生（入学）政策，并告知办理渠道。', '已对相关机构开展检查，督促整改。'],
  '10': ['已安排民警（消防员）到场处置，消除隐患。', '已责令相关单位清理通道、整改隐患。'],
  '11': ['社区工作人员已上门了解情况，协助办理相关服务。', '已组织双方调解，达成一致意见。'],
  '12': ['已安排水利巡查人员到场核查并处理。', '已联系相关经济社核实，并向市民说明情况。'],
  '13': ['已向市民详细解答办理条件、材料和渠道。'],
  '14': ['感谢您的意见和肯定，已转达相关单位研究采纳。'],
};
const GENERIC_REPLY = '已联系市民并现场核实，问题已按规定处理完毕。';

export function replyText(r: Rand, categoryCode: string | null): string {
  const list = categoryCode ? REPLIES[categoryCode.slice(0, 2)] : undefined;
  return list ? pick(r, list) : GENERIC_REPLY;
}

export const DIRECT_REPLIES = [
  '已按政策口径向市民解答，市民表示清楚。',
  '已根据知识库向市民答复办理渠道及所需材料。',
  '已告知市民咨询电话及办理地点，市民表示满意。',
];
export const PRAISE_REPLY = '感谢市民的肯定，已转达被表扬单位及个人。';
