/** geography: the street boundary, communities, grids and places; point → community/grid. */
import type { Http } from '../../platform/http';
import type { PlatformContext } from '../../platform/context';
import { GeographyService } from './service';
import { geographyRoutes } from './routes';

export { GeographyService, type Located, type AreaRef } from './service';

export function mountGeography(p: PlatformContext) {
  const service = new GeographyService(p);
  return { service, routes: (app: Http) => geographyRoutes(app, service) };
}
