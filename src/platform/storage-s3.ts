import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, type AssumeRoleCommandInput, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectInfo, ObjectStorage, UploadGrant } from './storage';

/** Everything S3Storage needs, resolved (the embedded server's port known, keys chosen). */
export interface S3Settings {
  /** How this process reaches the store. */
  endpoint: string;
  /** How docks and browsers reach it: presigned URLs and upload grants name this one. */
  publicEndpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  provider: 'minio' | 'aws' | 'ali';
  /** Upload grants through MinIO's STS AssumeRole (POSTed to `endpoint`, where MinIO serves STS). */
  sts: boolean;
  /**
   * Path-style URLs (MinIO, the embedded server); AWS and OSS use virtual-hosted buckets. Path-style
   * bucket requests go to `/bucket`, not the SDK's `/bucket/`: the embedded server (s3rver) checks
   * signatures against the former, and S3 and MinIO take either. Object requests are untouched.
   */
  forcePathStyle: boolean;
  now?: () => number;
}

/** Seconds a dock is told to stop using temporary credentials before they really expire (as DJI's demo does). */
export const EXPIRY_MARGIN_S = 300;
/** MinIO refuses AssumeRole durations under 15 minutes; AWS's ceiling for a session is 12 hours. */
export const STS_MIN_S = 900;
export const STS_MAX_S = 12 * 3600;

const KEY_RE = /^[^\u0000-\u001f\u007f\\]+$/;

/** Object keys the platform names: no empty or dot segments, no leading slash, no control characters. */
export function checkKey(key: string, what = 'key'): string {
  if (!KEY_RE.test(key) || Buffer.byteLength(key) > 1024 || key.startsWith('/'))
    throw new Error(`bad object ${what} ${JSON.stringify(key)}`);
  if (key.split('/').some((seg, i, all) => seg === '.' || seg === '..' || (seg === '' && i < all.length - 1)))
    throw new Error(`bad object ${what} ${JSON.stringify(key)}`);
  return key;
}

/** A prefix always ends with '/', so a grant for `media/dock-1/` never covers `media/dock-10/`. */
export function normalisePrefix(prefix: string): string {
  const p = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return checkKey(p, 'prefix');
}

/**
 * The session policy of a temporary grant: the holder may write (plain and multipart) and read back
 * objects under `prefix` of `bucket`, and nothing else, whatever the MinIO user itself may do.
 */
export function uploadPolicy(bucket: string, prefix: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: [`arn:aws:s3:::${bucket}/${prefix}*`],
      },
      {
        Effect: 'Allow',
        Action: ['s3:ListBucketMultipartUploads', 's3:GetBucketLocation'],
        Resource: [`arn:aws:s3:::${bucket}`],
      },
    ],
  });
}

/**
 * MinIO's AssumeRole takes the caller's own keys (no role ARN: the temporary keys inherit the user's
 * policies, narrowed by `Policy`). The SDK's types demand RoleArn and RoleSessionName; its query
 * serialiser leaves out members that are undefined, which is what MinIO expects.
 */
export function assumeRoleInput(bucket: string, prefix: string, ttlSeconds: number): AssumeRoleCommandInput {
  const duration = Math.min(STS_MAX_S, Math.max(STS_MIN_S, Math.round(ttlSeconds)));
  return {
    DurationSeconds: duration,
    Policy: uploadPolicy(bucket, prefix),
  } as AssumeRoleCommandInput;
}

const isNotFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NotFound' || err?.name === 'NoSuchKey' || err?.$metadata?.httpStatusCode === 404;
};

/**
 * S3-compatible object store over AWS SDK v3. Checksums only where the API demands them: by default the
 * SDK adds CRC32 headers and sends streams as aws-chunked with trailers, which MinIO-likes and the
 * embedded server do not all accept.
 */
export class S3Storage implements ObjectStorage {
  private client: S3Client;
  private publicClient: S3Client;
  private now: () => number;

  constructor(readonly settings: S3Settings) {
    // Node 20 is this project's floor (package.json engines); the SDK's notice would add a stderr line to every start.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.now = settings.now ?? Date.now;
    this.client = this.clientFor(settings.endpoint);
    this.publicClient =
      settings.publicEndpoint === settings.endpoint ? this.client : this.clientFor(settings.publicEndpoint);
  }

  private clientFor(endpoint: string): S3Client {
    const s = this.settings;
    const config: S3ClientConfig = {
      endpoint,
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000 },
    };
    const client = new S3Client(config);
    if (s.forcePathStyle) {
      const bucketPath = `/${s.bucket}/`;
      client.middlewareStack.add(
        (next) => async (args) => {
          const req = args.request as { path?: string };
          if (req.path === bucketPath) req.path = bucketPath.slice(0, -1);
          return next(args);
        },
        { step: 'build', name: 'embeddedBucketPath' },
      );
    }
    return client;
  }

  get bucket(): string {
    return this.settings.bucket;
  }

  /** The bucket answers (HEAD), within `timeoutMs`. */
  async ping(timeoutMs = 3000): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
        abortSignal: AbortSignal.timeout(timeoutMs),
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Creates the bucket when it is missing (the embedded store; a MinIO whose user may create buckets). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (e) {
      if (!isNotFound(e)) throw e;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  async put(key: string, data: Buffer, opts: { contentType?: string } = {}): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checkKey(key), Body: data, ContentType: opts.contentType }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      if (!res.Body) return Buffer.alloc(0);
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      return {
        key,
        size: res.ContentLength ?? 0,
        etag: res.ETag ?? null,
        lastModified: res.LastModified ? res.LastModified.getTime() : null,
        contentType: res.ContentType ?? null,
      };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /** Deleting a missing object is not an error (S3's own rule). */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    if (prefix !== '') checkKey(prefix, 'prefix');
    const out: ObjectInfo[] = [];
    // ListObjects v1, paged by Marker = the last key: the embedded server makes v2's continuation
    // tokens with DES, which Node's OpenSSL 3 no longer has (a second page would be an InternalError)
    let marker: string | undefined;
    for (;;) {
      const page = await this.client.send(
        new ListObjectsCommand({ Bucket: this.bucket, Prefix: prefix || undefined, Marker: marker }),
      );
      const contents = page.Contents ?? [];
      for (const o of contents) {
        if (!o.Key) continue;
        out.push({
          key: o.Key,
          size: o.Size ?? 0,
          etag: o.ETag ?? null,
          lastModified: o.LastModified ? o.LastModified.getTime() : null,
          contentType: null,
        });
      }
      const last = contents.at(-1)?.Key;
      if (!page.IsTruncated || !last || last === marker) break;
      marker = last;
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async presignGet(key: string, ttlSeconds = 900): Promise<string> {
    const expiresIn = Math.min(7 * 24 * 3600, Math.max(1, Math.round(ttlSeconds)));
    return getSignedUrl(this.publicClient, new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }), {
      expiresIn,
    });
  }

  /**
   * Credentials a device uploads with under `prefix`: temporary ones from MinIO AssumeRole (S3_STS=on),
   * limited to the prefix by a session policy; otherwise the store's own keys with an empty security
   * token — anyone holding them may read and write the whole bucket (docs/operations.md says so).
   */
  async grantUploadCredentials(prefix: string, ttlSeconds: number): Promise<UploadGrant> {
    const s = this.settings;
    const objectKeyPrefix = normalisePrefix(prefix);
    const base = {
      bucket: s.bucket,
      endpoint: s.publicEndpoint,
      region: s.region,
      provider: s.provider,
      objectKeyPrefix,
    };
    if (!s.sts) {
      const expire = Math.max(1, Math.round(ttlSeconds));
      return {
        ...base,
        credentials: { accessKeyId: s.accessKeyId, accessKeySecret: s.secretAccessKey, securityToken: '', expire },
        expiresAt: this.now() + expire * 1000,
        temporary: false,
      };
    }
    const sts = new STSClient({
      endpoint: s.endpoint,
      region: s.region,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5000, requestTimeout: 15_000 },
    });
    try {
      const input = assumeRoleInput(s.bucket, objectKeyPrefix, ttlSeconds);
      const res = await sts.send(new AssumeRoleCommand(input));
      const c = res.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
        throw new Error('the STS AssumeRole answer carried no credentials');
      const until = c.Expiration ? c.Expiration.getTime() : this.now() + (input.DurationSeconds ?? STS_MIN_S) * 1000;
      const lifetime = Math.floor((until - this.now()) / 1000);
      const expire = Math.max(1, lifetime > 2 * EXPIRY_MARGIN_S ? lifetime - EXPIRY_MARGIN_S : lifetime);
      return {
        ...base,
        credentials: {
          accessKeyId: c.AccessKeyId,
          accessKeySecret: c.SecretAccessKey,
          securityToken: c.SessionToken,
          expire,
        },
        expiresAt: this.now() + expire * 1000,
        temporary: true,
      };
    } finally {
      sts.destroy();
    }
  }

  close(): void {
    this.client.destroy();
    if (this.publicClient !== this.client) this.publicClient.destroy();
  }
}
