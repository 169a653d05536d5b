/** The identity API: sessions, organisations, users, roles, API keys. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { Items, MaybeNumber, MaybeString, Nullable, OneOf } from '../../platform/contract';

export const ORG_KINDS = ['street', 'department', 'community', 'unit', 'grid'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const IdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
const RoleList = T.Array(T.String({ maxLength: 32 }), { maxItems: 10 });
/** 坐席分机号: the telephone extension an agent takes calls on (digits, 2–8). */
export const Extension = T.String({ pattern: '^[0-9]{2,8}$', description: '分机号 / telephone extension' });

// ---- requests ------------------------------------------------------------------------------

export const LoginBody = T.Object(
  { username: T.String({ minLength: 1, maxLength: 64 }), password: T.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export const NewOrgBody = T.Object(
  {
    parentId: T.String({ minLength: 1 }),
    name: T.String({ minLength: 1, maxLength: 100 }),
    kind: OneOf(ORG_KINDS),
    code: T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
    departmentType: T.Optional(T.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export const OrgPatch = T.Object(
  {
    name: T.Optional(T.String({ minLength: 1, maxLength: 100 })),
    code: T.Optional(T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' })),
    departmentType: T.Optional(T.Union([T.String({ maxLength: 40 }), T.Null()])),
  },
  { additionalProperties: false },
);
export const UserQuery = T.Object(
  { q: T.Optional(T.String({ maxLength: 64 })), orgId: T.Optional(T.String()), role: T.Optional(T.String()) },
  { additionalProperties: false },
);
export const NewUserBody = T.Object(
  {
    username: T.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    name: T.String({ minLength: 1, maxLength: 64 }),
    password: T.String({ minLength: 1, maxLength: 256 }),
    orgId: T.String({ minLength: 1 }),
    roles: RoleList,
    phone: T.Optional(T.String({ pattern: '^[0-9+ -]{5,20}$' })),
    idCard: T.Optional(T.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
    extension: T.Optional(Extension),
  },
  { additionalProperties: false },
);
export const UserPatch = T.Object(
  {
    name: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    orgId: T.Optional(T.String({ minLength: 1 })),
    roles: T.Optional(RoleList),
    disabled: T.Optional(T.Boolean()),
    unlock: T.Optional(T.Boolean()),
    phone: T.Optional(T.Union([T.String({ pattern: '^[0-9+ -]{5,20}$' }), T.Null()])),
    extension: T.Optional(T.Union([Extension, T.Null()])),
  },
  { additionalProperties: false },
);
export const PasswordBody = T.Object(
  { password: T.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export const RevealBody = T.Object(
  { field: T.Union([T.Literal('phone'), T.Literal('idCard')]) },
  { additionalProperties: false },
);
export const NewApiKeyBody = T.Object(
  { name: T.String({ minLength: 1, maxLength: 100 }), permissions: T.Array(T.String(), { maxItems: 20 }) },
  { additionalProperties: false },
);

// ---- responses -----------------------------------------------------------------------------

export const SessionUser = T.Object({
  id: T.String(),
  username: T.String(),
  name: T.String(),
  roles: T.Array(T.String()),
  orgId: MaybeString,
  orgName: MaybeString,
  orgKind: Nullable(OneOf(ORG_KINDS)),
});
export type SessionUser = Static<typeof SessionUser>;
export const LoginResult = T.Object({ user: SessionUser, csrfToken: T.String() });
export type LoginResult = Static<typeof LoginResult>;
export const Me = T.Object({
  user: SessionUser,
  permissions: T.Array(T.String()),
  /** Sent back in x-csrf-token on cookie-authenticated writes. */
  csrfToken: T.Optional(T.String()),
});
export type Me = Static<typeof Me>;

export const Org = T.Object({
  id: T.String(),
  parentId: MaybeString,
  name: T.String(),
  kind: OneOf(ORG_KINDS),
  code: T.String(),
  departmentType: MaybeString,
  /** Materialised path (/street/…/this/): a subtree is a prefix. */
  path: T.String(),
});
export type Org = Static<typeof Org>;
export const OrgList = Items(Org);

/** A user as administrators see them: phone and ID card masked (reveal is a separate, audited call). */
export const UserRow = T.Object({
  id: T.String(),
  username: T.String(),
  name: T.String(),
  orgId: T.String(),
  orgName: MaybeString,
  roles: T.Array(T.String()),
  phone: MaybeString,
  idCard: MaybeString,
  /** 坐席分机号 (the caller-ID hook rings this user's hotline page). */
  extension: MaybeString,
  disabled: T.Boolean(),
  lockedUntil: MaybeNumber,
  /** Only for those who may manage users. */
  failedLogins: T.Optional(T.Number()),
  createdAt: T.Number(),
});
export type UserRow = Static<typeof UserRow>;
export const UserList = Items(UserRow);
export const IdResult = T.Object({ id: T.String() });
export const RevealedValue = T.Object({ value: MaybeString });

export const RoleInfo = T.Object({
  role: T.String(),
  label: T.String(),
  labelEn: T.String(),
  permissions: T.Array(T.String()),
});
export type RoleInfo = Static<typeof RoleInfo>;
export const RolesResponse = T.Object({
  items: T.Array(RoleInfo),
  /** Permissions an API key may be given. */
  apiKeyPermissions: T.Array(T.String()),
});
export type RolesResponse = Static<typeof RolesResponse>;

export const ApiKeyRow = T.Object({
  id: T.String(),
  name: T.String(),
  prefix: T.String(),
  permissions: T.Array(T.String()),
  createdAt: T.Number(),
  revokedAt: MaybeNumber,
  lastUsedAt: MaybeNumber,
});
export type ApiKeyRow = Static<typeof ApiKeyRow>;
export const ApiKeyList = Items(ApiKeyRow);
/** The key in clear, shown this once. */
export const NewApiKey = T.Object({ id: T.String(), key: T.String(), prefix: T.String() });
