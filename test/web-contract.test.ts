/**
 * The web app is a plain HTTP client (ARCHITECTURE: it does not import server code), so it keeps
 * its own copy of the API's enumerations. This test holds each copy to the server's list, so a
 * state, channel or action added on the server cannot silently miss its button, filter or label.
 */
import { describe, expect, it } from 'vitest';
import * as web from '../src/web/components/orders/types';
import * as webEval from '../src/web/pages/evaluation/types';
import { ORDER_STATES, OPEN_STATES } from '../src/modules/orders/model/states';
import { VISIT_RESULTS } from '../src/modules/orders/model/types';
import { ACTION_TYPES } from '../src/modules/orders/model/actions';
import { CHANNELS } from '../src/modules/orders/intake/intake.service';
import { URGENCIES } from '../src/modules/open311/catalogue';
import { INDICATORS, INDICATOR_KEYS } from '../src/modules/orders/metrics/definitions';
import type { QueueCounts as ServerCounts } from '../src/modules/orders/queries/queries.service';
import type { QueueCounts as WebCounts } from '../src/web/components/orders/types';

/** true only when A and B are the same type; `npm test` type-checks this file before running it. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const countsMatch: Same<ServerCounts, WebCounts> = true;

describe('web app enumerations match the server', () => {
  it('order states and the open ones, in order', () => {
    expect([...web.ORDER_STATES]).toEqual([...ORDER_STATES]);
    expect([...web.OPEN_STATES]).toEqual([...OPEN_STATES]);
  });
  it('channels: every server channel, and intake offers only real ones', () => {
    expect([...web.ALL_CHANNELS].sort()).toEqual([...CHANNELS].sort());
    for (const c of web.INTAKE_CHANNELS) expect(CHANNELS).toContain(c);
  });
  it('urgencies and return-visit results', () => {
    expect([...web.URGENCIES]).toEqual([...URGENCIES]);
    expect([...web.VISIT_RESULTS]).toEqual([...VISIT_RESULTS]);
  });
  it('actions, in the order the server lists them', () => {
    expect([...web.ACTION_TYPES]).toEqual([...ACTION_TYPES]);
  });
  it('the tab counts have one shape on both sides (checked by the type-checker)', () => {
    expect(countsMatch).toBe(true);
  });
  it('evaluation indicators, and which of them are better lower', () => {
    expect([...webEval.INDICATOR_KEYS]).toEqual([...INDICATOR_KEYS]);
    const lower = INDICATOR_KEYS.filter((k) => !INDICATORS[k].higherIsBetter);
    expect([...webEval.LOWER_IS_BETTER].sort()).toEqual(lower.sort());
  });
});
