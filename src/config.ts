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
  /** External S3-compatible store (MinIO, AWS, OSS); null = the embedded one on s3Port. */
  s3Endpoint: string | null;
  /** The address docks and browsers reach the store at (presigned URLs, dock credentials); null = derived. */
  s3PublicEndpoint: string | null;
  s3Region: string;
  s3Bucket: string;
  /** Null with the embedded store: keys are generated once and kept in DATA_DIR. */
  s3AccessKeyId: string | null;
  s3SecretAccessKey: string | null;
  s3Provider: 'minio' | 'aws' | 'ali';
  /** Temporary dock credentials through MinIO's STS AssumeRole (off: the configured keys are handed out). */
  s3Sts: boolean;
  /** Port of the embedded S3-protocol server. */
  s3Port: number;
  /** The drone command centre (DJI Cloud API). */
  drones: {
    /** `$share/<group>/…` for the dock topics on an external broker (each message handled by one node); null = off */
    mqttShareGroup: string | null;
    /** the broker address docks are given in the on-site setup; null = this machine's LAN address */
    mqttPublicHost: string | null;
    djiAppId: string;
    djiAppKey: string;
    djiAppLicense: string;
    ntpServer: string;
    organizationId: string;
    organizationName: string;
    /** live video: the media gateway docks push to (a template with {sn} {camera} {video} {dock}); null = none */
    livePushUrl: string | null;
    livePushType: 'rtmp' | 'whip' | 'gb28181' | null;
    /** the URL browsers play the same stream from (HLS, HTTP-FLV, WebRTC); null = none */
    livePlayUrl: string | null;
  };
  /** The city brain (城市大脑): the video gateway / GB/T 28181 platform (wvp-style HTTP API). */
  brain: {
    videoGatewayUrl: string | null;
    videoGatewayUser: string | null;
    videoGatewayPassword: string | null;
    videoSyncIntervalS: number;
  };
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
  ['S3_ENDPOINT', '(none: embedded)', 'http(s)://host:9000 of an S3-compatible store (MinIO) for dock media'],
  ['S3_PORT', '9000', 'port of the embedded S3-compatible server (when S3_ENDPOINT is not set)'],
  [
    'S3_PUBLIC_ENDPOINT',
    'S3_ENDPOINT',
    'the store as docks and browsers reach it (embedded: PUBLIC_URL host or 127.0.0.1)',
  ],
  ['S3_REGION', 'us-east-1', 'region the store signs requests for'],
  ['S3_BUCKET', 'yiwang', 'bucket for dock media (the embedded store creates it)'],
  ['S3_ACCESS_KEY_ID', '(embedded: generated)', 'access key of the store (required with S3_ENDPOINT)'],
  ['S3_SECRET_ACCESS_KEY', '(embedded: generated)', 'secret key of the store (required with S3_ENDPOINT)'],
  ['S3_PROVIDER', 'minio', 'what docks are told the store is: minio, aws or ali'],
  [
    'MQTT_SHARE_GROUP',
    'yiwang',
    'shared-subscription group of the app nodes on an external broker (MQTT 5 $share); "off" = plain subscriptions',
  ],
  ['MQTT_PUBLIC_HOST', "(this machine's LAN address)", 'the broker address docks are configured with in DJI Pilot 2'],
  ['DJI_APP_ID', '(none)', 'DJI developer app id: docks check it in the config reply and disconnect if it is wrong'],
  ['DJI_APP_KEY', '(none)', 'DJI developer app key'],
  ['DJI_APP_LICENSE', '(none)', 'DJI developer app licence'],
  ['NTP_SERVER', 'ntp.aliyun.com', 'NTP server docks are told to use (a network without internet needs its own)'],
  ['DJI_ORGANIZATION_ID', 'yiwang', 'organisation id the pilot enters in DJI Pilot 2 to bind a dock'],
  ['DJI_ORGANIZATION_NAME', '一网', 'organisation name shown on the dock after binding'],
  ['S3_STS', 'off', 'on = docks get temporary credentials from MinIO AssumeRole; off = the keys above'],
  [
    'LIVE_PUSH_URL',
    '(none: no live video)',
    'where docks push live video (media gateway, e.g. ZLMediaKit): rtmp://media:1935/live/{sn}-{camera}, a WHIP https:// URL, or GB28181 serverIP=…&serverPort=…; {sn} {camera} {video} {dock} are filled in',
  ],
  ['LIVE_PUSH_TYPE', '(from LIVE_PUSH_URL)', 'rtmp, whip or gb28181 when the URL does not tell'],
  [
    'LIVE_PLAY_URL',
    '(none)',
    'where browsers play that stream, same placeholders: https://media/live/{sn}-{camera}/hls.m3u8 (HLS), …flv (HTTP-FLV) or a WebRTC URL',
  ],
  [
    'VIDEO_GATEWAY_URL',
    '(none: no camera play, no catalogue sync)',
    'the GB/T 28181 platform / media gateway with a wvp-GB28181-pro style HTTP API (http://wvp:18080): camera catalogue sync, play URLs, snapshots',
  ],
  ['VIDEO_GATEWAY_USER', '(none: no login)', 'its login user (wvp /api/user/login)'],
  ['VIDEO_GATEWAY_PASSWORD', '(none)', 'its password (sent MD5-hashed, as wvp expects)'],
  [
    'VIDEO_SYNC_INTERVAL_S',
    '300',
    'seconds between catalogue syncs (devices, channels, online status); 0 = only on demand',
  ],
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

const PROVIDERS = ['minio', 'aws', 'ali'] as const;

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: 'on' | 'off'): boolean {
  const raw = (env[name] || fallback).toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(raw))
    throw new ConfigError(`${name}=${env[name]} must be on or off`);
  return ['on', 'true', '1'].includes(raw);
}

/** The S3_* variables, checked together (an external store needs its keys; STS is MinIO's). */
function objectStoreConfig(env: NodeJS.ProcessEnv) {
  const provider = (env.S3_PROVIDER || 'minio').toLowerCase();
  if (!(PROVIDERS as readonly string[]).includes(provider))
    throw new ConfigError(`S3_PROVIDER=${env.S3_PROVIDER} is not one of ${PROVIDERS.join(', ')}`);
  const bucket = env.S3_BUCKET || 'yiwang';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(`S3_BUCKET=${bucket} is not a bucket name (3–63 of a-z 0-9 . -)`);
  const region = env.S3_REGION || 'us-east-1';
  if (!/^[a-z0-9-]{1,40}$/.test(region)) throw new ConfigError(`S3_REGION=${region} is not a region name`);
  const endpoint = url(env, 'S3_ENDPOINT', ['http:', 'https:']);
  const accessKeyId = env.S3_ACCESS_KEY_ID || null;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || null;
  if (!accessKeyId !== !secretAccessKey)
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  if (endpoint && !accessKeyId) throw new ConfigError('S3_ENDPOINT needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  if (!endpoint && provider !== 'minio')
    throw new ConfigError(`S3_PROVIDER=${provider} needs S3_ENDPOINT (the embedded store speaks as minio)`);
  const sts = onOff(env, 'S3_STS', 'off');
  if (sts && (!endpoint || provider !== 'minio'))
    throw new ConfigError('S3_STS=on is MinIO AssumeRole: it needs S3_ENDPOINT of a MinIO and S3_PROVIDER=minio');
  return {
    s3Endpoint: endpoint,
    s3PublicEndpoint: url(env, 'S3_PUBLIC_ENDPOINT', ['http:', 'https:']),
    s3Region: region,
    s3Bucket: bucket,
    s3AccessKeyId: accessKeyId,
    s3SecretAccessKey: secretAccessKey,
    s3Provider: provider as (typeof PROVIDERS)[number],
    s3Sts: sts,
    s3Port: int(env, 'S3_PORT', 9000, 0, 65535),
  };
}

/** The DJI Cloud API settings (the developer app is the deployment's own: never in code). */
function dronesConfig(env: NodeJS.ProcessEnv): Config['drones'] {
  const group = env.MQTT_SHARE_GROUP ?? 'yiwang';
  if (group !== 'off' && group !== '' && !/^[A-Za-z0-9_-]{1,32}$/.test(group))
    throw new ConfigError(`MQTT_SHARE_GROUP=${group} must be letters, digits, _ or - (or off)`);
  const host = env.MQTT_PUBLIC_HOST || null;
  if (host && !/^[A-Za-z0-9.:-]{1,253}$/.test(host))
    throw new ConfigError(`MQTT_PUBLIC_HOST=${host} is not a host name or address`);
  const orgId = env.DJI_ORGANIZATION_ID || 'yiwang';
  if (orgId.length > 64) throw new ConfigError('DJI_ORGANIZATION_ID is longer than 64 characters');
  return {
    mqttShareGroup: group === 'off' || group === '' ? null : group,
    mqttPublicHost: host,
    djiAppId: env.DJI_APP_ID || '',
    djiAppKey: env.DJI_APP_KEY || '',
    djiAppLicense: env.DJI_APP_LICENSE || '',
    ntpServer: env.NTP_SERVER || 'ntp.aliyun.com',
    organizationId: orgId,
    organizationName: env.DJI_ORGANIZATION_NAME || '一网',
    ...liveConfig(env),
  };
}

/** LIVE_*: the deployment's media gateway for dock video (no gateway: live video is off, and says so). */
function liveConfig(env: NodeJS.ProcessEnv) {
  const push = env.LIVE_PUSH_URL || null;
  const types = ['rtmp', 'whip', 'gb28181'] as const;
  const raw = (env.LIVE_PUSH_TYPE || '').toLowerCase();
  if (raw && !(types as readonly string[]).includes(raw))
    throw new ConfigError(`LIVE_PUSH_TYPE=${env.LIVE_PUSH_TYPE} is not one of ${types.join(', ')}`);
  let type = (raw || null) as (typeof types)[number] | null;
  if (push && !type) {
    if (/^rtmps?:\/\//i.test(push)) type = 'rtmp';
    else if (/^https?:\/\//i.test(push)) type = 'whip';
    else if (/(^|&)serverIP=/.test(push)) type = 'gb28181';
    else
      throw new ConfigError(
        `LIVE_PUSH_URL=${push}: rtmp://, https:// (WHIP) or serverIP=… (GB28181), or set LIVE_PUSH_TYPE`,
      );
  }
  return {
    livePushUrl: push,
    livePushType: push ? type : null,
    livePlayUrl: url(env, 'LIVE_PLAY_URL', ['http:', 'https:', 'webrtc:', 'ws:', 'wss:']),
  };
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
    ...objectStoreConfig(env),
    drones: dronesConfig(env),
    brain: {
      videoGatewayUrl: url(env, 'VIDEO_GATEWAY_URL', ['http:', 'https:']),
      videoGatewayUser: env.VIDEO_GATEWAY_USER || null,
      videoGatewayPassword: env.VIDEO_GATEWAY_PASSWORD || null,
      videoSyncIntervalS: int(env, 'VIDEO_SYNC_INTERVAL_S', 300, 0, 86_400),
    },
  };
  return { ...config, ...overrides };
}
