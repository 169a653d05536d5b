/**
 * How a schedule repeats, as people choose it on the page, and the cron expression the server
 * keeps (minute hour day-of-month month day-of-week, Asia/Shanghai). Pure and import-free: the
 * web builds the expression with `cronOf` and reads a stored one back with `repeatOf`.
 */

/** 每天 HH:mm · 每周几 HH:mm · 每 N 小时（HH:mm–HH:mm）· 自定义 cron */
export type Repeat =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; days: number[]; time: string }
  | { kind: 'hourly'; every: number; from: string; to: string }
  | { kind: 'cron'; cron: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:mm' → [hour, minute], or null. */
export function parseTime(s: string): [number, number] | null {
  const m = TIME.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The cron expression of a repeat, or null when its parts are not valid. */
export function cronOf(r: Repeat): string | null {
  if (r.kind === 'cron') return r.cron.trim().replace(/\s+/g, ' ');
  if (r.kind === 'daily') {
    const t = parseTime(r.time);
    return t ? `${t[1]} ${t[0]} * * *` : null;
  }
  if (r.kind === 'weekly') {
    const t = parseTime(r.time);
    const days = [...new Set(r.days)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort((a, b) => a - b);
    return t && days.length && days.length === new Set(r.days).size ? `${t[1]} ${t[0]} * * ${days.join(',')}` : null;
  }
  const from = parseTime(r.from);
  const to = parseTime(r.to);
  if (!from || !to || !Number.isInteger(r.every) || r.every < 1 || r.every > 12 || to[0] < from[0]) return null;
  return `${from[1]} ${from[0]}-${to[0]}/${r.every} * * *`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The repeat a cron expression was built from (one of the three forms), else `{ kind: 'cron' }`. */
export function repeatOf(cron: string): Repeat {
  const f = cron.trim().split(/\s+/);
  const custom: Repeat = { kind: 'cron', cron: f.join(' ') };
  if (f.length !== 5 || f[2] !== '*' || f[3] !== '*' || !/^\d{1,2}$/.test(f[0])) return custom;
  const minute = Number(f[0]);
  if (minute > 59) return custom;
  const single = /^\d{1,2}$/.exec(f[1]);
  if (single && Number(f[1]) <= 23) {
    const time = `${pad(Number(f[1]))}:${pad(minute)}`;
    if (f[4] === '*') return { kind: 'daily', time };
    if (/^[0-6](,[0-6])*$/.test(f[4])) return { kind: 'weekly', days: f[4].split(',').map(Number), time };
    return custom;
  }
  const range = /^(\d{1,2})-(\d{1,2})\/(\d{1,2})$/.exec(f[1]);
  if (range && f[4] === '*') {
    const [a, b, every] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (a <= b && b <= 23 && every >= 1 && every <= 12)
      return { kind: 'hourly', every, from: `${pad(a)}:${pad(minute)}`, to: `${pad(b)}:${pad(minute)}` };
  }
  return custom;
}
