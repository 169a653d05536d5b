/**
 * open311: the Open311 GeoReport v2 facade over work orders, at /open311/v2 (docs/open311.md).
 * Services are the orders module's active leaf categories; requests are orders (channel
 * 'open311'); mySociety's servicerequestupdates publishes the orders' timelines.
 */
import type { MountedModule } from '../../platform/module';
import { open311Routes, type Open311Deps } from './routes';

export { open311Routes, OPEN311_PREFIX, SUBMIT_PERMISSION } from './routes';
export { open311Status, updateMeaning, CLOSED_STATES, UPDATE_STEPS } from './status';

/** A facade: no api of its own, only routes over the orders module's services. */
export function mountOpen311(deps: Open311Deps): MountedModule<null> {
  return { name: 'open311', api: null, routes: (app) => open311Routes(app, deps) };
}
