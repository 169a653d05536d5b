/** The events 一网通办 emits (outbox): names, entity types and payloads. */
export const SITE_ENTITY = 'svc_site';
export const WINDOW_ENTITY = 'svc_window';
export const ITEM_ENTITY = 'svc_item';

export const SERVICES_EVENTS = {
  siteChanged: 'services.site.changed', // { id, code }
  windowChanged: 'services.window.changed', // { id, siteId, number, active }
  itemChanged: 'services.item.changed', // { id, code, status, version, change: created|updated|withdrawn|deleted }
  itemPublished: 'services.item.published', // { id, code, version }
  catalogueImported: 'services.catalogue.imported', // { created, updated, published }
} as const;
