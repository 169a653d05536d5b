/** 简体中文 — the hotline form's address box (地名库 lookup, community check) and duplicate reasons. */
export const addressZhCN = {
  'orders.address.placeholder': '输入地址或地名，如“桂城地铁站”“南海大道北38号”，可从地名库选择',
  'orders.address.searching': '正在查找地名库…',
  'orders.address.noMatch': '地名库中没有匹配的地点，可直接填写地址并在地图上点选位置',
  'orders.address.picked': '已选地名：{name}',
  'orders.address.mismatch': '定位点位于「{pin}」，但{source}指向「{named}」：请核对地址或移动定位点',
  'orders.address.source.text': '地址文字',
  'orders.address.source.place': '所选地名',
  'orders.dup.reason.distance': '位置相近、内容相似',
  'orders.dup.reason.address': '同一地址、同一类别',
  'orders.dup.reason.both': '位置相近且地址相同',
} satisfies Record<string, string>;
