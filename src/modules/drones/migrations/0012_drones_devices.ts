import type { Kysely } from 'kysely';
import { addSerialKey, dialectOf } from '../../../platform/db/columns';

/**
 * The drone command centre's devices: docks and aircraft known by serial number (registered by an
 * administrator or announced by `update_topo`), their latest telemetry (one row each, rewritten
 * every few seconds), the downsampled history, the health alerts (an open row per active alert),
 * the messages that could not be used (counted per device, topic and reason), and the commands
 * sent to docks, correlated by `tid` through the database (a reply may reach another node).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('drone_devices')
    .addColumn('sn', 'text', (c) => c.primaryKey())
    .addColumn('domain', 'text', (c) => c.notNull()) // dock | aircraft | rc | payload | unknown
    .addColumn('model_key', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gateway_sn', 'text') // an aircraft's dock
    .addColumn('org_id', 'text') // the owning unit in identity's directory
    .addColumn('bound', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('binding_code', 'text')
    .addColumn('dji_org_id', 'text')
    .addColumn('callsign', 'text')
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'bigint')
    .addColumn('online_changed_at', 'bigint')
    .addColumn('firmware', 'text')
    .addColumn('home_lng', 'double precision')
    .addColumn('home_lat', 'double precision')
    .addColumn('mqtt_username', 'text', (c) => c.unique())
    .addColumn('mqtt_password_hash', 'text')
    .addColumn('registered_by', 'text') // 'admin' | 'topology'
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drone_devices_gateway').on('drone_devices').column('gateway_sn').execute();

  await db.schema
    .createTable('drone_telemetry')
    .addColumn('sn', 'text', (c) => c.primaryKey())
    .addColumn('telemetry', 'text', (c) => c.notNull()) // JSON Telemetry { values, at }
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await addSerialKey(db.schema.createTable('drone_track_points'), dialect)
    .addColumn('sn', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('height', 'double precision')
    .addColumn('speed', 'double precision')
    .addColumn('heading', 'double precision')
    .addColumn('battery', 'double precision')
    .addColumn('mode_code', 'integer')
    .addColumn('flight_id', 'text')
    .execute();
  // unique: every node keeps the OSD it sees; the same point written twice is one row
  await db.schema
    .createIndex('drone_track_points_sn_at')
    .unique()
    .on('drone_track_points')
    .columns(['sn', 'at'])
    .execute();
  await db.schema
    .createIndex('drone_track_points_flight')
    .on('drone_track_points')
    .columns(['flight_id', 'at'])
    .execute();

  await db.schema
    .createTable('drone_hms_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sn', 'text', (c) => c.notNull())
    .addColumn('alert_key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('module', 'integer')
    .addColumn('in_the_sky', 'integer', (c) => c.notNull())
    .addColumn('device_type', 'text')
    .addColumn('imminent', 'integer', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .execute();
  await db.schema.createIndex('drone_hms_alerts_open').on('drone_hms_alerts').columns(['sn', 'resolved_at']).execute();

  await db.schema
    .createTable('drone_message_faults')
    .addColumn('sn', 'text', (c) => c.notNull())
    .addColumn('topic_kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('first_at', 'bigint', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('sample', 'text') // the start of the last bad payload, for the pilot to see
    .addPrimaryKeyConstraint('drone_message_faults_pk', ['sn', 'topic_kind', 'reason'])
    .execute();

  await db.schema
    .createTable('drone_commands')
    .addColumn('tid', 'text', (c) => c.primaryKey())
    .addColumn('bid', 'text', (c) => c.notNull())
    .addColumn('gateway_sn', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // sent | accepted | refused | timeout
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('first_tid', 'text', (c) => c.notNull()) // retries get a new tid; this ties them together
    .addColumn('result_code', 'integer')
    .addColumn('output', 'text')
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('replied_at', 'bigint')
    .addColumn('requested_by', 'text')
    .execute();
  await db.schema.createIndex('drone_commands_first').on('drone_commands').column('first_tid').execute();
  await db.schema.createIndex('drone_commands_bid').on('drone_commands').columns(['bid', 'sent_at']).execute();
  await missions(db);
}

/** Wayline routes (WPML as the platform's Route JSON; the KMZ itself in the object store) and flights. */
async function missions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drone_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('md5', 'text', (c) => c.notNull())
    .addColumn('object_key', 'text', (c) => c.notNull())
    .addColumn('waypoints', 'integer', (c) => c.notNull())
    .addColumn('length_m', 'double precision', (c) => c.notNull())
    .addColumn('max_height', 'double precision', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('drone_flights')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the Cloud API flight_id (and bid)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('route_id', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // patrol | emergency | verify
    .addColumn('order_id', 'text')
    .addColumn('dock_sn', 'text', (c) => c.notNull())
    .addColumn('aircraft_sn', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('execute_at', 'bigint', (c) => c.notNull())
    .addColumn('expected_end_at', 'bigint', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull()) // JSON CheckResult[] at planning
    .addColumn('height_approval', 'text')
    .addColumn('result_code', 'integer')
    .addColumn('reason', 'text')
    .addColumn('percent', 'double precision')
    .addColumn('waypoint_index', 'integer')
    .addColumn('media_count', 'integer')
    .addColumn('prepared_at', 'bigint')
    .addColumn('executed_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    // the aircraft's lifetime counters at take-off, and what the flight added (statistics)
    .addColumn('totals_start', 'text')
    .addColumn('flown_s', 'double precision')
    .addColumn('flown_m', 'double precision')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('drone_flights_dock_time')
    .on('drone_flights')
    .columns(['dock_sn', 'execute_at'])
    .execute();
  await db.schema.createIndex('drone_flights_state').on('drone_flights').columns(['state', 'execute_at']).execute();
  // pictures and videos a dock put into the object store (file_upload_callback), one row per object
  await db.schema
    .createTable('drone_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('object_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dock_sn', 'text', (c) => c.notNull())
    .addColumn('flight_id', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('absolute_altitude', 'double precision')
    .addColumn('relative_altitude', 'double precision')
    .addColumn('gimbal_yaw', 'double precision')
    .addColumn('drone_model_key', 'text')
    .addColumn('payload_model_key', 'text')
    .addColumn('taken_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drone_media_flight').on('drone_media').columns(['flight_id', 'taken_at']).execute();
  await db.schema.createIndex('drone_media_taken').on('drone_media').columns(['taken_at']).execute();
  // what recognition services found on the pictures: reviewed, merged when repeated, turned into orders
  await db.schema
    .createTable('drone_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | confirmed | dismissed | merged
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('box', 'text') // JSON [x, y, w, h] in the picture, 0–1
    .addColumn('media_id', 'text')
    .addColumn('flight_id', 'text')
    .addColumn('dock_sn', 'text')
    .addColumn('external_id', 'text') // the recognition service's own id (idempotent resubmission)
    .addColumn('source', 'text') // the API key's name
    .addColumn('merged_into', 'text')
    .addColumn('repeats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('order_id', 'text')
    .addColumn('order_number', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drone_findings_status').on('drone_findings').columns(['status', 'created_at']).execute();
  await db.schema
    .createIndex('drone_findings_open')
    .on('drone_findings')
    .columns(['algorithm', 'lat', 'lng'])
    .execute();
  await db.schema
    .createIndex('drone_findings_external')
    .unique()
    .on('drone_findings')
    .columns(['source', 'external_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'drone_media',
    'drone_flights',
    'drone_routes',
    'drone_commands',
    'drone_message_faults',
    'drone_hms_alerts',
    'drone_track_points',
    'drone_telemetry',
    'drone_devices',
  ])
    await db.schema.dropTable(t).execute();
}
