/** The demo centre's 常用语: a handful per purpose, some for one category line (0101 市容秩序, 0102 环境卫生, 02 公用事业). */
import { writeSetting } from '../../../platform/settings';
import type { Work } from '../../../platform/transact';
import type { PhrasePurpose } from '../phrases/phrases.contract';
import { phrasesKey, type StoredPhrase } from '../phrases/phrases';

export const DEMO_PHRASES: Record<PhrasePurpose, StoredPhrase[]> = {
  reply: [
    {
      text: '您好，您反映的{地址}的问题（工单号{工单号}）已由{承办单位}现场处理完毕，感谢您对城市管理工作的支持。',
      categoryCode: null,
    },
    { text: '经现场核查，{地址}的占道经营行为已劝离并清理，后续将加强巡查。', categoryCode: '0101' },
    { text: '经核查，{地址}的垃圾已清运完毕，已要求保洁单位增加清扫频次。', categoryCode: '0102' },
    { text: '已联系供水单位到场抢修，{地址}现已恢复正常供水。', categoryCode: '0201' },
    { text: '已电话联系市民说明处理情况，市民表示认可。', categoryCode: null },
  ],
  direct_answer: [
    { text: '您好，您咨询的问题答复如下：', categoryCode: null },
    { text: '您反映的问题已有同类工单（在办中），我们将一并处理并及时反馈，感谢您的关注。', categoryCode: null },
    { text: '该事项不属于本街道管辖范围，建议您拨打相关部门热线咨询。', categoryCode: null },
    { text: '经核实，该问题已于近期处理完毕，如仍有问题请再次来电。', categoryCode: null },
  ],
  return: [
    { text: '经现场核查，该事项不属于本单位职责范围，建议改派至相关部门。', categoryCode: null },
    { text: '反映地址不在本辖区内，请中心核实后重新分拨。', categoryCode: null },
    { text: '诉求内容不清、无法联系市民核实，请中心补充信息后重新分拨。', categoryCode: null },
    { text: '该路段供水设施产权属自来水公司，非本单位管养。', categoryCode: '02' },
  ],
};

/** Stored in the seed's transaction (the seed writes one audit row for all of it). */
export async function writeDemoPhrases(w: Work): Promise<number> {
  let n = 0;
  for (const [purpose, list] of Object.entries(DEMO_PHRASES) as Array<[PhrasePurpose, StoredPhrase[]]>) {
    await writeSetting(w.trx, phrasesKey(purpose), JSON.stringify(list), w.now);
    n += list.length;
  }
  return n;
}
