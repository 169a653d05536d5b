/**
 * The database as Kysely sees it: every module's tables in one interface.
 * Each module declares its own tables in its `tables.ts`; this file only joins them.
 */
import type { PlatformTables } from './platform/tables';
import type { IdentityTables } from './modules/identity/tables';
import type { GeographyTables } from './modules/geography/tables';
import type { OrdersTables } from './modules/orders/tables';
import type { DronesTables } from './modules/drones/tables';
import type { ServicesTables } from './modules/services/tables';
import type { BrainTables } from './modules/brain/tables';

export interface DB
  extends PlatformTables,
    IdentityTables,
    GeographyTables,
    OrdersTables,
    DronesTables,
    ServicesTables,
    BrainTables {}
