/**
 * 简体中文 — the handler's tools on the order detail: 查看号码, 处置前/处置后照片, 常用语 (and their
 * admin tab). Spread into zh-CN.ts; handle.en.ts must carry every key (tsc checks it).
 */
export const handleZhCN = {
  'orders.reveal.button': '查看号码',
  'orders.reveal.hint': '查看完整姓名与号码以便联系市民（将记入审计日志）',
  'orders.reveal.call': '拨打',
  'orders.photos.before': '处置前照片',
  'orders.photos.after': '处置后照片',
  'orders.photos.noneAfter': '暂无处置后照片',
  'orders.photos.field': '处置后照片',
  'orders.photos.hint': '最多 {n} 张，仅限图片（JPEG、PNG、WebP、GIF）',
  'orders.photos.uploading': '照片仍在上传，请稍候',
  'orders.photos.failed': '有照片上传失败，请删除后重试',
  'orders.photos.step': '照片 {n} 张',
  'orders.phrases.pick': '常用语',
  'orders.phrases.placeholder': '插入常用语…',
  'orders.phrases.none': '暂无常用语（可在“工单配置 → 常用语”中维护）',
  'orders.phrases.forCategory': '本类',
  'ops.admin.tab.phrases': '常用语',
  'ops.admin.phrases.hint':
    '办结答复、直接答复、退单理由的常用语，办理时可一键插入。可用占位符：{placeholders}，插入时按工单填写。每类最多 {max} 条，每条 1–{len} 字。',
  'ops.admin.phrases.purpose.reply': '办结答复',
  'ops.admin.phrases.purpose.direct_answer': '直接答复',
  'ops.admin.phrases.purpose.return': '退单理由',
  'ops.admin.phrases.text': '内容',
  'ops.admin.phrases.category': '适用分类',
  'ops.admin.phrases.allCategories': '全部分类',
  'ops.admin.phrases.add': '添加一条',
  'ops.admin.phrases.count': '{n} / {max} 条',
  'ops.admin.phrases.saved': '常用语已保存',
  'ops.admin.phrases.savedAt': '上次保存：{time}',
  'ops.admin.phrases.never': '尚未保存过',
  'ops.admin.phrases.readOnly': '仅系统管理员可修改常用语',
} satisfies Record<string, string>;
