/** 简体中文 — the shell's home page per role and the audit log's filters in words. Spread into zh-CN.ts. */
export const homeAuditZhCN = {
  'home.citizen.welcome': '在这里查看您反映的问题和办理进度',
  'audit.subject': '对象',
  'audit.subject.placeholder': '工单号、用户或机构名称',
  'audit.actorName': '操作人',
  'audit.actorName.placeholder': '姓名',
  'audit.action.placeholder': '如 order.create',
  'audit.advanced': '按 ID 筛选',
};
