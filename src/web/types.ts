/** Shapes of the HTTP API the web app reads (see the brief in the closing note of src/web). */
import type { FeatureCollection, Geometry } from 'geojson';

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  roles: string[];
  orgId: string | null;
  orgName: string | null;
  orgKind?: string | null;
}

export interface Me {
  user: SessionUser;
  permissions: string[];
  csrfToken: string;
}

export interface LoginResult {
  user: SessionUser;
  csrfToken: string;
}

export type OrgKind = 'street' | 'department' | 'community' | 'unit' | 'grid';

export interface Org {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrgKind;
  code: string;
  departmentType?: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  orgId: string;
  orgName: string;
  roles: string[];
  disabled: boolean;
  lockedUntil: number | null;
}

export interface RoleInfo {
  role: string;
  label: string;
  labelEn?: string;
  permissions: string[];
}

export interface RolesResponse {
  items: RoleInfo[];
  /** Permissions an API key may be given. */
  apiKeyPermissions?: string[];
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface AuditRow {
  seq: number;
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextBefore: number | null;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; problem: string };
}

/** A holiday or make-up day; the server may send plain dates or objects carrying one. */
export type CalendarDateEntry = string | { date: string; name?: string };

export interface CalendarYear {
  year: number;
  source: 'package' | 'override';
  holidays: CalendarDateEntry[];
  workdays: CalendarDateEntry[];
}

export interface CalendarDay {
  date: string;
  kind: string;
}

export interface Health {
  status: string;
  db: { ok: boolean; dialect?: string } | string | boolean;
  mqtt: { ok: boolean | null; mode?: string } | string | boolean;
  node?: string;
  time?: number;
  calendarWarnings?: string[];
}

export interface MapConfig {
  tileUrl: string | null;
  attribution: string;
  center: [number, number];
  zoom: number;
}

export interface GeoProps {
  code: string;
  name: string;
  communityCode?: string;
  kind?: string;
  [k: string]: unknown;
}

export type GeoCollection = FeatureCollection<Geometry | null, GeoProps>;

export type GeoLayer = 'boundary' | 'communities' | 'grids' | 'places';

export interface Items<T> {
  items: T[];
}
