/** Site and window rows → contract responses. */
import type { Static } from '@sinclair/typebox';
import type { Site, Window } from './sites.contract';
import type { SiteRecord, WindowRecord } from './sites.repo';

export const windowView = (w: WindowRecord): Static<typeof Window> => ({
  id: w.id,
  siteId: w.site_id,
  number: w.number,
  hallCode: w.hall_code,
  kind: w.kind as Static<typeof Window>['kind'],
  name: w.name,
  departmentId: w.department_id,
  active: w.active === 1,
});

export const siteView = (s: SiteRecord, windows: WindowRecord[], itemCount: number): Static<typeof Site> => ({
  id: s.id,
  code: s.code,
  name: s.name,
  kind: s.kind as Static<typeof Site>['kind'],
  address: s.address,
  lng: s.lng,
  lat: s.lat,
  phone: s.phone,
  halls: JSON.parse(s.halls),
  hours: JSON.parse(s.hours),
  communityOrgId: s.community_org_id,
  windows: windows.map(windowView),
  itemCount,
  updatedAt: s.updated_at,
});
