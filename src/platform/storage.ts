import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where uploaded files live. The local folder is the default; the interface fits an object store. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export interface ObjectInfo {
  key: string;
  size: number;
  etag: string | null;
  /** epoch ms */
  lastModified: number | null;
  contentType: string | null;
}

/**
 * What a device needs to upload straight into the object store (a DJI dock's `storage_config_get`
 * reply): where, under which key prefix, with which credentials and for how long.
 */
export interface UploadGrant {
  bucket: string;
  /** The store as the device reaches it (S3_PUBLIC_ENDPOINT). */
  endpoint: string;
  region: string;
  provider: 'minio' | 'aws' | 'ali';
  objectKeyPrefix: string;
  credentials: {
    accessKeyId: string;
    accessKeySecret: string;
    /** Empty when the configured keys are handed out (S3_STS=off). */
    securityToken: string;
    /** Seconds the device may use them (temporary ones: until 5 minutes before they really expire). */
    expire: number;
  };
  /** epoch ms when `expire` runs out */
  expiresAt: number;
  /** true: temporary credentials limited to the prefix; false: the store's own keys. */
  temporary: boolean;
}

/** An S3-compatible object store (dock media): objects by key, listings, links for browsers, upload grants. */
export interface ObjectStorage extends Storage {
  put(key: string, data: Buffer, opts?: { contentType?: string }): Promise<void>;
  head(key: string): Promise<ObjectInfo | null>;
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** A GET link on the public endpoint, valid `ttlSeconds` (browsers show a picture without the platform proxying it). */
  presignGet(key: string, ttlSeconds?: number): Promise<string>;
  grantUploadCredentials(prefix: string, ttlSeconds: number): Promise<UploadGrant>;
}

export class LocalStorage implements Storage {
  constructor(private root: string) {}

  private pathOf(key: string): string {
    if (!/^[\w./-]+$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
    return join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // write then rename: a crash never leaves a half-written file under the real name
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
}

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');
