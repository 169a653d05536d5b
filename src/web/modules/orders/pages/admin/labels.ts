import { hasKey, type TFunction } from '../../../../i18n';

export function requestTypeLabel(v: string | null, t: TFunction): string {
  if (!v) return '—';
  const k = `ops.requestType.${v}`;
  return hasKey(k) ? t(k) : v;
}

export function departmentTypeLabel(v: string | null, t: TFunction): string {
  if (!v) return '—';
  const k = `ops.deptType.${v}`;
  return hasKey(k) ? t(k) : v;
}
