/**
 * The oversight steps between a unit's handling and its reply: the centre's 挂起/恢复 of the
 * clock, a 延期 request and its decision, and the 催办/督办 that precede a late reply. Each says
 * whether the story goes on (false: a step would fall after `now`, or was refused).
 */
import type { Person, UnitProfile } from './history-plan';
import { between, lognormal, pick } from './demo-random';
import {
  EXTENSION_APPROVED_NOTES,
  EXTENSION_REASONS,
  EXTENSION_REJECTED,
  RESUME_NOTES,
  SUPERVISE_NOTES,
  SUSPEND_REASONS,
  URGE_NOTE,
} from './history-phrases';
import { HOUR, WD, type OrderLife } from './life-state';

/** One order in fifty waits a while (挂起, then 恢复 by the centre). */
export function suspension(life: OrderLife): boolean {
  const { env, r } = life;
  if (r() < 0.02) {
    const at = life.work(life.last, between(r, 0.1, 0.5) * Math.max(life.allowance(), HOUR));
    if (!life.act(at, { type: 'suspend', reason: pick(r, SUSPEND_REASONS) }, env.dispatcher)) return false;
    if (
      !life.act(life.work(at, between(r, 1, 8) * WD), { type: 'resume', note: pick(r, RESUME_NOTES) }, env.dispatcher)
    )
      return false;
  }
  return true;
}

/**
 * Some units ask for more time (延期); the centre or the leader mostly approves. Returns the
 * chance of replying on time afterwards (the unit's own, higher after an approved extension),
 * or null when the story stops.
 */
export function extension(life: OrderLife, handler: Person, prof: UnitProfile): number | null {
  const { env, r } = life;
  if (r() < prof.extensionP && life.allowance() > HOUR) {
    const at = life.work(life.last, between(r, 0.4, 0.9) * life.allowance());
    const days = pick(r, [3, 5, 5, 7, 10]);
    if (!life.act(at, { type: 'request_extension', reason: pick(r, EXTENSION_REASONS), addWorkingDays: days }, handler))
      return null;
    const decideAt = life.work(life.last, lognormal(r, 2 * HOUR, 0.7));
    if (r() < 0.85) {
      const who = r() < 0.3 ? env.leader : env.dispatcher;
      if (!life.act(decideAt, { type: 'approve_extension', note: pick(r, EXTENSION_APPROVED_NOTES) }, who)) return null;
      return 0.95;
    }
    if (!life.act(decideAt, { type: 'reject_extension', reason: pick(r, EXTENSION_REJECTED) }, env.dispatcher))
      return null;
  }
  return prof.onTimeP;
}

/** Before a reply due at `deadline` comes late (at `at`): 催办 a working day after, 督办 after five. */
export function chaseLateReply(life: OrderLife, deadline: number, at: number): boolean {
  const { env, r } = life;
  const urgeAt = life.work(Math.max(deadline, life.last), WD);
  if (urgeAt < at && !life.act(urgeAt, { type: 'urge', note: URGE_NOTE }, env.system)) return false;
  const superviseAt = life.work(deadline, 5 * WD);
  if (
    superviseAt < at &&
    superviseAt > life.last &&
    life.snap.supervisionLevel < 3 &&
    !life.act(superviseAt, { type: 'supervise', note: pick(r, SUPERVISE_NOTES) }, env.leader)
  )
    return false;
  return true;
}
