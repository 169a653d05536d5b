/**
 * Who acts in the demo history's timelines: the demo users (dispatcher, leader, the 城管
 * handler), the machine (`system`), hotline agents, a named handler for every other unit, and
 * whoever registered an order on each channel.
 */
import { pick, type Rand } from './demo-random';
import { hashString } from './history-helpers';
import type { HistoryInputs, HistoryUser } from './history-inputs';
import { staffName } from './history-phrases';
import type { Person } from './history-plan';
import type { HistoryUnits } from './history-units';

export class HistoryCast {
  readonly dispatcher: Person;
  readonly leader: Person;
  readonly system: Person = { id: null, name: 'system', actor: { userId: 'system', roles: ['system'] } };
  private handlers = new Map<string, Person>();
  private agents: Person[];

  constructor(
    users: HistoryInputs['users'],
    private units: HistoryUnits,
  ) {
    const person = (x: HistoryUser, role: 'dispatcher' | 'leader'): Person => ({
      id: x.id,
      name: x.name,
      actor: { userId: x.id ?? `demo:${role}`, roles: [role] },
    });
    const hu = units.byCode(users.handler.unitCode);
    if (hu)
      this.handlers.set(hu.id, {
        id: users.handler.id,
        name: users.handler.name,
        actor: { userId: users.handler.id ?? 'demo:handler', roles: ['handler'], orgIds: [hu.id] },
      });
    this.dispatcher = person(users.dispatcher, 'dispatcher');
    this.leader = person(users.leader, 'leader');
    this.agents = Array.from(
      { length: 6 },
      (_, i): Person => ({
        id: null,
        name: staffName(200 + i),
        actor: { userId: `demo:agent${i}`, roles: ['dispatcher'] },
      }),
    );
  }

  /** The unit's handler: the demo user for theirs, a named stand-in (the timeline shows a person) for others. */
  handler(unitId: string): Person {
    let p = this.handlers.get(unitId);
    if (!p) {
      p = {
        id: null,
        name: staffName(this.units.indexOf(unitId) + 1),
        actor: { userId: `demo:handler:${unitId}`, roles: ['handler'], orgIds: [unitId] },
      };
      this.handlers.set(unitId, p);
    }
    return p;
  }

  /** Who registered an order coming in on `channel`. */
  creator(r: Rand, channel: string, gridCode: string | null, citizen: HistoryUser | null): Person {
    const anon = (name: string | null): Person => ({ id: null, name, actor: { userId: 'demo:intake', roles: [] } });
    switch (channel) {
      case 'hotline':
        return pick(r, this.agents);
      case 'grid':
        return anon(staffName(300 + (gridCode ? hashString(gridCode) % 500 : 0)));
      case 'open311':
        return anon('apikey:open311');
      case 'drone':
        return anon('apikey:drone-ai');
      case 'camera':
        return anon('apikey:video-ai');
      default:
        return citizen
          ? { id: citizen.id, name: citizen.name, actor: { userId: citizen.id ?? 'demo:citizen', roles: ['citizen'] } }
          : anon(null);
    }
  }
}
