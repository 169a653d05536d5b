/**
 * The hall's call-next rule (services/hall/model/call-next.ts) over a queue of 1,000 waiting tickets
 * across 8 service groups with every priority, for a counter whose work profile covers 4 of the groups
 * (the target: under 1 ms). Baseline, same run: one pass over the same 1,000 tickets that
 * only finds the earliest arrival — the least any "who is next" must do.
 *
 *   npx tsx bench/hall-call-next.bench.ts        (BENCH_RUNS=20000 for steadier figures)
 */
import { cpus, loadavg } from 'node:os';
import {
  DEFAULT_HEAD_START_MS,
  nextTicket,
  placeInLine,
  PRIORITIES,
  type WaitingTicket,
  type WorkProfile,
} from '../src/modules/services/hall/model/call-next';

function summarize(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { n: s.length, p50: at(50), p99: at(99) };
}
const ms = (x: number) => `${x.toFixed(4)} ms`;

const RUNS = Number(process.env.BENCH_RUNS ?? 5000);
const N = 1000;
const TARGET_P99_MS = 1;
const NOW = 1_800_000_000_000;
const GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const queue: WaitingTicket[] = Array.from({ length: N }, (_, i) => ({
  id: `t${i}`,
  groupCode: GROUPS[Math.floor(rnd() * GROUPS.length)],
  number: `A${String(i).padStart(4, '0')}`,
  arrivedAt: NOW - Math.floor(rnd() * 50 * 60_000),
  priority: PRIORITIES[Math.floor(rnd() * PRIORITIES.length)],
  forCounterId: rnd() < 0.01 ? 'c9' : null,
  transferredAt: null,
}));
const profile: WorkProfile = {
  counterId: 'c5',
  groups: ['C', 'A', 'F', 'B'],
  mode: 'groupOrder',
  headStartMs: DEFAULT_HEAD_START_MS,
  fairnessCapMs: 60 * 60_000,
};

function time(fn: () => unknown, runs = RUNS): ReturnType<typeof summarize> {
  for (let i = 0; i < 200; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return summarize(out);
}

let sink = 0;
const baseline = time(() => {
  let best = queue[0];
  for (const t of queue) if (t.arrivedAt < best.arrivedAt) best = t;
  sink += best.arrivedAt;
});
const product = time(() => {
  sink += nextTicket(queue, profile, NOW)?.ticket.arrivedAt ?? 0;
});
const longest = time(() => {
  sink += nextTicket(queue, { ...profile, mode: 'longestWait' }, NOW)?.ticket.arrivedAt ?? 0;
});
const last = queue.filter((t) => profile.groups.includes(t.groupCode) && !t.forCounterId).at(-1) as WaitingTicket;
const place = time(() => {
  sink += placeInLine(queue, last.id, profile, NOW) ?? 0;
});

console.log(
  `\n== hall call-next: ${N} waiting tickets, ${GROUPS.length} groups (profile covers ${profile.groups.length}), ${RUNS} runs ==  (node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0].toFixed(1)})`,
);
console.log(`  baseline: earliest arrival, one pass          p50 ${ms(baseline.p50)}  p99 ${ms(baseline.p99)}`);
console.log(
  `  nextTicket, groupOrder                        p50 ${ms(product.p50)}  p99 ${ms(product.p99)}  ${(product.p50 / baseline.p50).toFixed(1)}× baseline`,
);
console.log(
  `  nextTicket, longestWait                       p50 ${ms(longest.p50)}  p99 ${ms(longest.p99)}  ${(longest.p50 / baseline.p50).toFixed(1)}× baseline`,
);
console.log(`  placeInLine of the last ticket (${place.n} runs)       p50 ${ms(place.p50)}  p99 ${ms(place.p99)}`);
console.log(
  `  target: nextTicket p99 < ${TARGET_P99_MS} ms → ${product.p99 < TARGET_P99_MS && longest.p99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}${sink === 0 ? ' ' : ''}`,
);
