/** The orders module's migrations, in the platform's one global numbering. */
import type { Migration } from 'kysely';
import * as m0003 from './0003_orders';
import * as m0004 from './0004_order_metrics';
import * as m0005 from './0005_orders_indexes';
import * as m0006 from './0006_orders_text_search';
import * as m0007 from './0007_unit_notices';
import * as m0008 from './0008_duplicate_candidates';
import * as m0010 from './0010_order_files';

export const ordersMigrations: Record<string, Migration> = {
  '0003_orders': m0003,
  '0004_order_metrics': m0004,
  '0005_orders_indexes': m0005,
  '0006_orders_text_search': m0006,
  '0007_unit_notices': m0007,
  '0008_duplicate_candidates': m0008,
  '0010_order_files': m0010,
};
