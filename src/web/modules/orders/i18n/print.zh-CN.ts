/**
 * 简体中文 — printing (交办单, 工单详情单) and the export with reporters. Spread into zh-CN.ts;
 * print.en.ts must carry every key (tsc checks it).
 */
export const printZhCN = {
  'nav.orders.print': '打印工单',
  // ---- the detail page's menu and the print page's toolbar ----
  'orders.print.menu': '打印',
  'orders.print.assign': '交办单',
  'orders.print.order': '工单详情单',
  'orders.print.assignNeedsUnit': '尚未分拨，无交办单',
  'orders.print.button': '打印',
  'orders.print.recorded': '打印将记入审计日志（交办单视为对外交付的文书）',
  'orders.print.noUnit': '本单尚未分拨承办单位，交办单中承办单位与时限为空',
  'orders.print.notFound': '工单不存在或无权查看',
  // ---- the sheets ----
  'orders.print.header': '{street} · 一网统管',
  'orders.print.printedAt': '打印时间：{at}',
  'orders.print.printedBy': '打印人：{name}',
  'orders.print.assignTitle': '工单交办单',
  'orders.print.orderTitle': '工单详情单',
  'orders.print.acceptedAt': '受理时间',
  'orders.print.source': '来源',
  'orders.print.category': '类别',
  'orders.print.addressCommunity': '地址 / 社区',
  'orders.print.reporter': '反映人 / 联系电话',
  'orders.print.dispatchNote': '交办意见',
  'orders.print.dispatchedBy': '交办人 / 交办时间',
  'orders.print.supervision': '督办等级',
  'orders.print.noSupervision': '未督办',
  'orders.print.receipt': '承办单位签收',
  'orders.print.signer': '签收人（签字）',
  'orders.print.signDate': '签收日期',
  'orders.print.result': '办理结果',
  'orders.print.head': '承办单位负责人（签章）',
  'orders.print.headDate': '日期',
  'orders.print.dateBlank': '　　年　　月　　日',
  'orders.print.requirement':
    '请于签收时限前签收，于办结时限前办结并答复；不属于本单位职责的，请在签收时限内申请退单并说明理由。',
  'orders.print.basics': '基本信息',
  'orders.print.review': '审核',
  'orders.print.visit': '回访',
  'orders.print.visitedAt': '回访时间',
  'orders.print.noReply': '尚未答复',
  'orders.print.noReview': '尚未审核',
  'orders.print.noVisit': '尚未回访',
  'orders.print.steps': '办理过程（{n}）',
  'orders.print.step': '环节',
  'orders.print.at': '时间',
  'orders.print.actor': '经办人',
  'orders.print.unit': '单位',
  'orders.print.stateChange': '状态',
  'orders.print.note': '说明',
  'orders.print.main': '主单',
  'orders.print.mergedOrders': '合并的重复件',
  'orders.print.attachments': '附件 {n} 个（见系统）',
  // ---- the export with reporters ----
  'orders.export.withReporter': '含反映人信息',
  'orders.export.withReporter.title': '导出含反映人信息的台账？',
  'orders.export.withReporter.body':
    '表格将包含未脱敏的反映人姓名和联系电话。本次导出将连同筛选条件和件数记入审计日志，请妥善保管，用后删除。',
  'orders.export.withReporter.ok': '导出',
} satisfies Record<string, string>;

export type PrintMessageKey = keyof typeof printZhCN;
