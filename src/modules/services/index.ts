/**
 * services (一网通办): sites and windows, the GB/T 39554 item catalogue with versioned guides,
 * situations and materials, its Chinese search and .xlsx exchange. Cases, bundles and ratings
 * build on this (cases/model is the case state machine).
 */
import type { PlatformContext } from '../../platform/context';
import type { MountedModule } from '../../platform/module';
import type { Directory } from '../identity';
import { mountCases } from './cases/mount';
import { catalogueRoutes } from './catalogue/catalogue.routes';
import { CatalogueService } from './catalogue/catalogue.service';
import { CatalogueSearch } from './catalogue/search/search.service';
import { transferRoutes } from './catalogue/xlsx/transfer.routes';
import { CatalogueTransfer } from './catalogue/xlsx/transfer.service';
import { ITEM_ENTITY, SITE_ENTITY, WINDOW_ENTITY } from './events';
import { mountHall, type HallPart } from './hall';
import { orgLookup } from './org-check';
import { mountRatings, type RatingsApi } from './ratings';
import { siteRoutes } from './sites/sites.routes';
import { SitesService } from './sites/sites.service';

export type { ItemGuide } from './catalogue/catalogue.contract';

/** What other modules (and the seed) use of the services module. */
export interface ServicesApi {
  sites: SitesService;
  catalogue: CatalogueService;
  search: CatalogueSearch;
  transfer: CatalogueTransfer;
  /** 好差评: cases and hall visits register what may be rated here (ratings.registerSubject) */
  ratings: RatingsApi;
  /** 取号叫号: the hall queue (appointments' check-in issues tickets through hall.issue) */
  hall: HallPart['hall'];
}

export function mountServices(
  p: PlatformContext,
  deps: { directory: Pick<Directory, 'orgs'> | null },
): MountedModule<ServicesApi> {
  const orgs = orgLookup(deps.directory);
  const sites = new SitesService(p, orgs);
  const catalogue = new CatalogueService(p, orgs);
  const search = new CatalogueSearch(p);
  const transfer = new CatalogueTransfer(p, orgs, catalogue);
  const cases = mountCases(p, orgs);
  const ratings = mountRatings(p);
  const hall = mountHall(p, orgs);
  return {
    name: 'services',
    api: { sites, catalogue, search, transfer, ratings: ratings.api, hall: hall.hall },
    routes(app) {
      siteRoutes(app, sites);
      catalogueRoutes(app, catalogue, search);
      transferRoutes(app, transfer);
      cases.routes(app);
      ratings.routes(app);
      hall.routes(app);
    },
    liveFilter: {
      entityTypes: [SITE_ENTITY, WINDOW_ENTITY, ITEM_ENTITY],
      visible: (_e, pr) => pr.permissions.has('services.read'),
    },
  };
}
