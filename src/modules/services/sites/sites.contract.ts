/** 一网通办 sites: the centre with its halls, the community service centres, their windows and hours. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, MaybeString, OneOf } from '../../../platform/contract';

export const SITE_KINDS = ['centre', 'community'] as const;
export const SITE_KIND_LABELS: Record<(typeof SITE_KINDS)[number], string> = {
  centre: '行政服务中心',
  community: '社区行政服务中心',
};
export const WINDOW_KINDS = ['comprehensive', 'department', 'enterprise', 'pickup', 'consultation', 'special'] as const;
export const WINDOW_KIND_LABELS: Record<(typeof WINDOW_KINDS)[number], string> = {
  comprehensive: '综合窗口',
  department: '部门专窗',
  enterprise: '企业服务窗口',
  pickup: '出件窗口',
  consultation: '咨询导办',
  special: '帮办代办',
};

const Hhmm = T.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
export const PeriodSchema = T.Object(
  { from: Hhmm, to: Hhmm, extended: T.Optional(T.Boolean()) },
  { additionalProperties: false },
);
const Periods = T.Array(PeriodSchema, { maxItems: 6 });
export const OpeningHoursSchema = T.Object(
  {
    weekly: T.Object(
      {
        '1': T.Optional(Periods),
        '2': T.Optional(Periods),
        '3': T.Optional(Periods),
        '4': T.Optional(Periods),
        '5': T.Optional(Periods),
        '6': T.Optional(Periods),
        '7': T.Optional(Periods),
      },
      { additionalProperties: false },
    ),
    holidays: T.Optional(Periods),
    makeupAs: T.Optional(T.Union([T.Literal(1), T.Literal(2), T.Literal(3), T.Literal(4), T.Literal(5)])),
  },
  { additionalProperties: false },
);
export const Hall = T.Object(
  {
    code: T.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' }),
    name: T.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
const Code = T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });

export const SiteBody = T.Object(
  {
    code: Code,
    name: T.String({ minLength: 1, maxLength: 100 }),
    kind: OneOf(SITE_KINDS),
    address: T.String({ minLength: 1, maxLength: 200 }),
    /** WGS-84 */
    lng: T.Number({ minimum: -180, maximum: 180 }),
    lat: T.Number({ minimum: -90, maximum: 90 }),
    phone: T.Optional(T.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+()\\- ,，/转]+$' })),
    halls: T.Array(Hall, { maxItems: 20 }),
    hours: OpeningHoursSchema,
    /** the community (an organisation of identity's directory) a community centre serves */
    communityOrgId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type SiteBody = Static<typeof SiteBody>;
export const SitePatch = T.Partial(T.Omit(SiteBody, ['code']), { additionalProperties: false });

export const WindowBody = T.Object(
  {
    number: T.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' }),
    hallCode: T.Optional(T.String({ minLength: 1, maxLength: 20 })),
    kind: OneOf(WINDOW_KINDS),
    name: T.String({ minLength: 1, maxLength: 100 }),
    departmentId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const WindowPatch = T.Partial(
  T.Object(
    {
      hallCode: T.String({ minLength: 1, maxLength: 20 }),
      kind: OneOf(WINDOW_KINDS),
      name: T.String({ minLength: 1, maxLength: 100 }),
      departmentId: T.String({ minLength: 1, maxLength: 64 }),
      active: T.Boolean(),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false },
);

export const Window = T.Object({
  id: T.String(),
  siteId: T.String(),
  number: T.String(),
  hallCode: MaybeString,
  kind: OneOf(WINDOW_KINDS),
  name: T.String(),
  departmentId: MaybeString,
  active: T.Boolean(),
});
export const Site = T.Object({
  id: T.String(),
  code: T.String(),
  name: T.String(),
  kind: OneOf(SITE_KINDS),
  address: T.String(),
  lng: T.Number(),
  lat: T.Number(),
  phone: MaybeString,
  halls: T.Array(Hall),
  hours: OpeningHoursSchema,
  communityOrgId: MaybeString,
  windows: T.Array(Window),
  itemCount: T.Integer(),
  updatedAt: At,
});
export const SiteList = T.Object({ items: T.Array(Site) });
export const SiteParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const WindowParams = SiteParams;
export const HoursQuery = T.Object(
  {
    from: T.Optional(T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (default today)' })),
    days: T.Optional(T.Integer({ minimum: 1, maximum: 62 })),
  },
  { additionalProperties: false },
);
export const SiteDays = T.Object({
  siteId: T.String(),
  days: T.Array(
    T.Object({
      date: T.String(),
      kind: OneOf(['workday', 'weekend', 'holiday', 'makeup_workday'] as const),
      periods: T.Array(PeriodSchema),
    }),
  ),
});
export const SitesQuery = T.Object({ kind: T.Optional(OneOf(SITE_KINDS)) }, { additionalProperties: false });
