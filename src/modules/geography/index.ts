/** geography: the street boundary, communities, grids and places; point → community/grid. */
import type { Http } from '../../platform/http';
import type { PlatformContext } from '../../platform/context';
import { GeographyService } from './service';
import { geographyRoutes } from './routes';
import { GazetteerService } from './gazetteer/gazetteer.service';
import { gazetteerRoutes } from './gazetteer/gazetteer.routes';
import type { MountedModule } from '../../platform/module';

export { GeographyService, type Located, type AreaRef } from './service';

export function mountGeography(p: PlatformContext): MountedModule<GeographyService> {
  const service = new GeographyService(p);
  const gazetteer = new GazetteerService(p, service);
  return {
    name: 'geography',
    api: service,
    routes: (app: Http) => {
      geographyRoutes(app, service);
      gazetteerRoutes(app, gazetteer);
    },
  };
}
