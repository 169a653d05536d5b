import { resolve } from 'node:path';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  mqttPort: number;
  mqttUrl: string | null;
  logLevel: string;
  nodeId: string;
  sessionHours: number;
  tileUrl: string | null;
  tileAttribution: string;
  publicUrl: string | null;
  jobsEnabled: boolean;
  demo: boolean;
  /** Trust X-Forwarded-For from a reverse proxy (only behind one: otherwise clients could fake their address). */
  trustProxy: boolean;
  smsWebhookUrl: string | null;
  wechatWebhookUrl: string | null;
  /** Anonymous submissions (citizen web/H5) per address per hour; 0 = no limit. */
  publicSubmitLimit: number;
  /** Anonymous tracking look-ups per address per minute; 0 = no limit. */
  publicTrackLimit: number;
}

export class ConfigError extends Error {}

/** Documented in the README's configuration table; keep the two in step. */
export const CONFIG_VARIABLES = [
  ['PORT', '8080', 'HTTP port for the API and the web UI'],
  ['HOST', '0.0.0.0', 'interface to listen on'],
  ['DATA_DIR', './data', 'SQLite database, uploaded files and logs'],
  ['DATABASE_URL', '(none: SQLite)', 'postgres://user@host:5432/db to run on PostgreSQL'],
  ['MQTT_PORT', '1883', 'port of the embedded MQTT broker'],
  ['MQTT_URL', '(none: embedded)', 'mqtt://host:1883 to use an external broker instead'],
  ['LOG_LEVEL', 'info', 'pino level: fatal, error, warn, info, debug, trace, silent'],
  ['NODE_ID', 'hostname-pid', 'name of this app node in job locks and logs'],
  ['SESSION_HOURS', '12', 'how long a login session lasts'],
  ['TILE_URL', '(none)', 'map tile URL template, e.g. 天地图 with your key; none = jurisdiction layers only'],
  ['TILE_ATTRIBUTION', '', 'attribution text for TILE_URL'],
  ['PUBLIC_URL', '(none)', 'external base URL, used in Open311 discovery and links'],
  ['JOBS', 'on', 'off = this node does not run background jobs'],
  ['TRUST_PROXY', 'off', 'on = behind a reverse proxy: take the client address from X-Forwarded-For'],
  ['SMS_WEBHOOK_URL', '(none: recorded only)', 'SMS gateway: notifications to citizens are POSTed here as JSON'],
  ['WECHAT_WEBHOOK_URL', '(none: recorded only)', 'WeChat relay: template messages to citizens who wrote in by WeChat'],
  ['PUBLIC_SUBMIT_LIMIT', '30', 'citizen submissions without login, per address per hour (0 = no limit; 429 past it)'],
  ['PUBLIC_TRACK_LIMIT', '60', 'citizen tracking look-ups by number + phone, per address per minute (0 = no limit)'],
] as const;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}`);
  }
  return n;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: ${raw}`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => p + '//').join(' or ')} (got ${parsed.protocol}//)`,
    );
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const logLevel = env.LOG_LEVEL || 'info';
  if (!levels.includes(logLevel)) throw new ConfigError(`LOG_LEVEL=${logLevel} is not one of ${levels.join(', ')}`);
  const jobs = (env.JOBS ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(jobs))
    throw new ConfigError(`JOBS=${env.JOBS} must be on or off`);
  const config: Config = {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    mqttPort: int(env, 'MQTT_PORT', 1883, 0, 65535),
    mqttUrl: url(env, 'MQTT_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']),
    logLevel,
    nodeId: env.NODE_ID || `${process.env.HOSTNAME || 'node'}-${process.pid}`,
    sessionHours: int(env, 'SESSION_HOURS', 12, 1, 24 * 30),
    tileUrl: env.TILE_URL || null,
    tileAttribution: env.TILE_ATTRIBUTION || '',
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']),
    jobsEnabled: ['on', 'true', '1'].includes(jobs),
    demo: true,
    trustProxy: ['on', 'true', '1'].includes((env.TRUST_PROXY ?? 'off').toLowerCase()),
    smsWebhookUrl: url(env, 'SMS_WEBHOOK_URL', ['http:', 'https:']),
    wechatWebhookUrl: url(env, 'WECHAT_WEBHOOK_URL', ['http:', 'https:']),
    publicSubmitLimit: int(env, 'PUBLIC_SUBMIT_LIMIT', 30, 0, 1_000_000),
    publicTrackLimit: int(env, 'PUBLIC_TRACK_LIMIT', 60, 0, 1_000_000),
  };
  return { ...config, ...overrides };
}
