/**
 * Which external services the suites may use. `npm test` on a fresh machine runs SQLite and the
 * embedded broker only; `.ci/run` sets TEST_DATABASE_URL and TEST_MQTT_URL to switch the
 * PostgreSQL and external-MQTT suites on. A suite that is switched off says so, with the reason.
 */
export type DialectName = 'sqlite' | 'postgres';

export const PG_URL = process.env.TEST_DATABASE_URL || null;
export const MQTT_URL = process.env.TEST_MQTT_URL || null;

const said = new Set<string>();
export function sayOnce(msg: string): void {
  if (said.has(msg)) return;
  said.add(msg);
  console.log(msg);
}

/** The dialects a database-backed suite runs on here. */
export function dialects(suite: string): DialectName[] {
  if (!PG_URL) {
    sayOnce(
      `[skip] ${suite} on PostgreSQL: TEST_DATABASE_URL is not set (.ci/run sets it to this machine's PostgreSQL)`,
    );
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}
