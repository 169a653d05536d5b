import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { EmbeddedS3 } from './s3-embedded';
import type { ObjectInfo, ObjectStorage, UploadGrant } from './storage';
import type { S3Settings, S3Storage } from './storage-s3';

export type ObjectStoreMode = 'embedded' | 'external' | 'disabled';

/** Health results are kept this long: a load balancer polling /api/health does not become bucket traffic. */
const PING_CACHE_MS = 5000;

/** Keys of the embedded store when none are configured: made once, kept beside the data (docks may hold them). */
async function embeddedKeys(dataDir: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const path = join(dataDir, 's3-credentials.json');
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as { accessKeyId?: unknown; secretAccessKey?: unknown };
    if (typeof saved.accessKeyId === 'string' && typeof saved.secretAccessKey === 'string')
      return { accessKeyId: saved.accessKeyId, secretAccessKey: saved.secretAccessKey };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const keys = {
    accessKeyId: `YW${randomBytes(12).toString('hex').toUpperCase().slice(0, 18)}`,
    secretAccessKey: randomBytes(30).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, JSON.stringify(keys), { mode: 0o600, flag: 'wx' }).catch(async (e) => {
    // another node process on the same folder wrote them first: use theirs
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  });
  const stored = JSON.parse(await readFile(path, 'utf8')) as typeof keys;
  return stored;
}

/** The embedded store as docks and browsers reach it when S3_PUBLIC_ENDPOINT is not set. */
export function embeddedPublicEndpoint(config: Pick<Config, 'publicUrl'>, port: number): string {
  if (config.publicUrl) return `http://${new URL(config.publicUrl).hostname}:${port}`;
  return `http://127.0.0.1:${port}`;
}

/** Where this process reaches a server it started on `host` (a wildcard listens on loopback too). */
function localAddress(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

const isLoopback = (endpoint: string) => /^(localhost|127\.|\[::1\])/.test(new URL(endpoint).hostname);

/**
 * The platform's object store (dock media): the embedded S3-protocol server when S3_ENDPOINT is not
 * set, else that store. Constructed with the app, started and stopped with it (like MqttService);
 * the SDK and the server are loaded only when it starts.
 */
export class ObjectStore implements ObjectStorage {
  private s3: S3Storage | null = null;
  private embedded: EmbeddedS3 | null = null;
  private lastPing: { at: number; ok: boolean } | null = null;

  constructor(
    private config: Config,
    private logger: Logger,
    private opts: { enabled: boolean } = { enabled: true },
  ) {}

  get mode(): ObjectStoreMode {
    if (!this.opts.enabled) return 'disabled';
    return this.config.s3Endpoint ? 'external' : 'embedded';
  }

  /** The port the embedded server really listens on (null: external, disabled or not started). */
  get port(): number | null {
    return this.embedded?.port ?? null;
  }

  /** The resolved settings once started (endpoints with the real port). */
  get settings(): S3Settings | null {
    return this.s3?.settings ?? null;
  }

  async start(): Promise<void> {
    if (!this.opts.enabled || this.s3) return;
    const c = this.config;
    const { S3Storage } = await import('./storage-s3');
    if (c.s3Endpoint) {
      this.s3 = new S3Storage({
        endpoint: c.s3Endpoint,
        publicEndpoint: c.s3PublicEndpoint ?? c.s3Endpoint,
        region: c.s3Region,
        bucket: c.s3Bucket,
        accessKeyId: c.s3AccessKeyId!,
        secretAccessKey: c.s3SecretAccessKey!,
        provider: c.s3Provider,
        sts: c.s3Sts,
        forcePathStyle: c.s3Provider === 'minio',
      });
      if (!c.s3Sts)
        this.logger.warn(
          'S3_STS=off: docks are given the object store keys themselves (whole bucket, no expiry); see docs/operations.md',
        );
      // an external store that is down does not stop the platform: health reports it until it answers
      await this.s3.ensureBucket().then(
        () => this.logger.info({ endpoint: c.s3Endpoint, bucket: c.s3Bucket }, 'object store ready'),
        (err: Error) =>
          this.logger.warn({ err: err.message, endpoint: c.s3Endpoint }, 'object store not reachable at start'),
      );
    } else {
      const { EmbeddedS3 } = await import('./s3-embedded');
      const keys =
        c.s3AccessKeyId && c.s3SecretAccessKey
          ? { accessKeyId: c.s3AccessKeyId, secretAccessKey: c.s3SecretAccessKey }
          : await embeddedKeys(c.dataDir);
      const embedded = new EmbeddedS3({
        directory: join(c.dataDir, 's3'),
        port: c.s3Port,
        host: c.host,
        bucket: c.s3Bucket,
        ...keys,
      });
      const port = await embedded.start();
      this.embedded = embedded;
      const endpoint = `http://${localAddress(c.host)}:${port}`;
      this.s3 = new S3Storage({
        endpoint,
        publicEndpoint: c.s3PublicEndpoint ?? embeddedPublicEndpoint(c, port),
        region: c.s3Region,
        bucket: c.s3Bucket,
        ...keys,
        provider: 'minio',
        sts: false,
        forcePathStyle: true,
      });
      await this.s3.ensureBucket();
      this.logger.info({ port, publicEndpoint: this.s3.settings.publicEndpoint }, 'embedded object store ready');
      if (c.databaseUrl)
        this.logger.warn(
          'the embedded object store keeps media on this node only: set S3_ENDPOINT when running several',
        );
    }
    if (isLoopback(this.s3.settings.publicEndpoint))
      this.logger.warn(
        { publicEndpoint: this.s3.settings.publicEndpoint },
        'docks cannot reach a loopback object store address: set S3_PUBLIC_ENDPOINT to one they reach',
      );
  }

  async stop(): Promise<void> {
    const { s3, embedded } = this;
    this.s3 = null;
    this.embedded = null;
    this.lastPing = null;
    s3?.close();
    await embedded?.stop();
  }

  /** Whether the bucket answers (null when there is no store in this process); cached a few seconds. */
  async reachable(): Promise<boolean | null> {
    if (this.mode === 'disabled') return null;
    if (!this.s3) return false;
    const now = Date.now();
    if (this.lastPing && now - this.lastPing.at < PING_CACHE_MS) return this.lastPing.ok;
    const ok = await this.s3.ping();
    this.lastPing = { at: Date.now(), ok };
    return ok;
  }

  /** (the methods below are async so that a store not started rejects rather than throws) */
  private store(): S3Storage {
    if (this.s3) return this.s3;
    throw new Error(
      this.opts.enabled ? 'the object store is not started' : 'the object store is disabled in this process',
    );
  }

  async put(key: string, data: Buffer, opts?: { contentType?: string }): Promise<void> {
    return this.store().put(key, data, opts);
  }
  async get(key: string): Promise<Buffer | null> {
    return this.store().get(key);
  }
  async head(key: string): Promise<ObjectInfo | null> {
    return this.store().head(key);
  }
  async delete(key: string): Promise<void> {
    return this.store().delete(key);
  }
  async list(prefix: string): Promise<ObjectInfo[]> {
    return this.store().list(prefix);
  }
  async presignGet(key: string, ttlSeconds?: number): Promise<string> {
    return this.store().presignGet(key, ttlSeconds);
  }
  async grantUploadCredentials(prefix: string, ttlSeconds: number): Promise<UploadGrant> {
    return this.store().grantUploadCredentials(prefix, ttlSeconds);
  }
}
