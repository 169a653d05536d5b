/**
 * 简体中文 — 我的诉求 (citizens), 我登记的工单 (clerks), the 待分拨 timer, the 分拨时限 setting and
 * the hotline's 来电弹屏. Spread into src/web/i18n/zh-CN.ts; mine.en.ts must carry every key.
 */
export const mineZhCN = {
  'nav.orders.mine': '我的诉求',
  'nav.orders.registered': '我登记的工单',
  'orders.mine.hint': '您反映的问题及办理进度',
  'orders.mine.empty': '您还没有反映过问题',
  'orders.mine.report': '我要反映',
  'orders.mine.open': '查看进度',
  'orders.mine.back': '返回我的诉求',
  'orders.mine.notFound': '没有找到这件诉求',
  'orders.mine.more': '查看全部诉求',
  'orders.registered.hint': '您在热线或窗口登记的工单，点工单号查看办理情况',
  'orders.registered.empty': '您还没有登记过工单',
  'orders.registered.recent': '我最近登记的工单',
  'orders.registered.more': '查看全部',
  'orders.registered.new': '登记工单',
  'orders.dispatchTimer.waiting': '待分拨 {d}',
  'orders.dispatchTimer.tip': '登记后已过 {d}（分拨时限 {target} 分钟）',
  'orders.dispatchTimer.minutes': '{n} 分钟',
  'orders.dispatchTimer.hours': '{h} 小时 {m} 分',
  'orders.dispatchTimer.days': '{n} 天',
  'orders.sla.dispatchTarget': '分拨时限（分钟）',
  'orders.sla.dispatchTarget.hint': '待分拨工单登记后超过此时间标红，剩余不足四分之一时标橙（按自然时间计）',
  'orders.call.ringing': '来电 {number}',
  'orders.call.extension': '分机 {ext}',
  'orders.call.answer': '接听登记',
  'orders.call.dismiss': '忽略',
};
