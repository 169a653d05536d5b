/** The hall queue (取号叫号) part of the services module: its services and routes. */
import type { PlatformContext } from '../../../platform/context';
import type { Http } from '../../../platform/http';
import type { OrgLookup } from '../org-check';
import { hallRoutes } from './hall.routes';
import { HallScreen } from './hall.screen';
import { HallService } from './hall.service';
import { hallSetupRoutes } from './hall.setup.routes';
import { HallSetup } from './hall.setup.service';

export { HALL_EVENTS, HALL_COUNTER_ENTITY, HALL_GROUP_ENTITY, HALL_TICKET_ENTITY } from './hall.events';

export interface HallPart {
  hall: HallService;
  setup: HallSetup;
  screen: HallScreen;
  routes(app: Http): void;
}

export function mountHall(p: PlatformContext, orgs: OrgLookup): HallPart {
  const hall = new HallService(p);
  const setup = new HallSetup(p, orgs);
  const screen = new HallScreen(p);
  return {
    hall,
    setup,
    screen,
    routes(app) {
      hallSetupRoutes(app, setup);
      hallRoutes(app, hall, screen, p.config.publicTrackLimit);
    },
  };
}
