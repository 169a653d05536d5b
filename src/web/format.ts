/** Display helpers. Instants are epoch ms; people read them in Asia/Shanghai (UTC+8, no DST). */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** 2025-03-01 14:05 */
export function fmtTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 2025-03-01 */
export function fmtDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Shanghai as YYYY-MM-DD. */
export function todayShanghai(now = Date.now()): string {
  return fmtDate(now);
}

/** Offer a text as a file download (GeoJSON export, etc.). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
