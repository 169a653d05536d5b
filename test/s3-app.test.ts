/**
 * The object store in the app: started with no S3_ENDPOINT it runs the embedded S3-protocol server
 * (the one-command default docks upload to), reported in /api/health; its keys and objects survive a
 * restart; an external store that is down leaves the app running degraded (503); the S3_* variables
 * are checked together at start. Health runs on both engines.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { EmbeddedS3 } from '../src/platform/s3-embedded';
import { embeddedPublicEndpoint } from '../src/platform/object-store';
import { freePort } from './helpers/child';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';

const health = async (app: TestApp) => {
  const res = await app.http.inject({ method: 'GET', url: '/api/health' });
  return { status: res.statusCode, body: JSON.parse(res.body) };
};

describe.each(dialects('object store in the app'))('the app’s object store (%s)', (dialect) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps.reverse()) await a.dispose().catch(() => {});
  });

  it('with no S3_ENDPOINT: an embedded S3 endpoint that works, reported in health; keys and objects survive a restart', async () => {
    const app = await startTestApp(dialect, { seed: false, objectStore: true });
    expect(app.objectStore.mode).toBe('embedded');
    const port = app.objectStore.port!;
    expect(port).toBeGreaterThan(0);
    const h = await health(app);
    expect(h.status).toBe(200);
    expect(h.body.objectStore).toEqual({ ok: true, mode: 'embedded' });

    const store = app.platform.objectStore;
    await store.put('media/dock-1/a.jpeg', Buffer.from('jpeg bytes'), { contentType: 'image/jpeg' });
    const url = await store.presignGet('media/dock-1/a.jpeg', 60);
    expect(url.startsWith(`http://127.0.0.1:${port}/yiwang/media/dock-1/a.jpeg?`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('jpeg bytes');
    const grant = await store.grantUploadCredentials('media/dock-1/', 1800);
    expect(grant).toMatchObject({ bucket: 'yiwang', endpoint: `http://127.0.0.1:${port}`, provider: 'minio' });
    expect(grant.credentials.securityToken).toBe('');

    // stored under DATA_DIR/s3, keys generated once into DATA_DIR
    expect(existsSync(join(app.dataDir, 's3', 'yiwang'))).toBe(true);
    const keys = JSON.parse(readFileSync(join(app.dataDir, 's3-credentials.json'), 'utf8'));
    expect(keys.accessKeyId).toBe(grant.credentials.accessKeyId);

    await app.close();
    await expect(fetch(url)).rejects.toThrow(); // stopped with the app
    const again = await startTestApp(dialect, {
      seed: false,
      objectStore: true,
      share: { dataDir: app.dataDir, pgSchema: app.pgSchema },
    });
    apps.push(app, again);
    expect((await again.platform.objectStore.get('media/dock-1/a.jpeg'))?.toString()).toBe('jpeg bytes');
    const grant2 = await again.platform.objectStore.grantUploadCredentials('media/dock-1/', 1800);
    expect(grant2.credentials.accessKeyId).toBe(keys.accessKeyId);
  }, 60_000);

  it('an external store (S3_ENDPOINT) is used as it is; grants name S3_PUBLIC_ENDPOINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-ext-s3-'));
    const keys = { accessKeyId: 'EXTKEY0001', secretAccessKey: 'ext-secret-0001' };
    const ext = new EmbeddedS3({ directory: dir, port: 0, host: '127.0.0.1', bucket: 'dock-media', ...keys });
    const port = await ext.start();
    try {
      const app = await startTestApp(dialect, {
        seed: false,
        objectStore: true,
        env: {
          S3_ENDPOINT: `http://127.0.0.1:${port}`,
          S3_PUBLIC_ENDPOINT: 'http://minio.street.example:9000',
          S3_BUCKET: 'dock-media',
          S3_ACCESS_KEY_ID: keys.accessKeyId,
          S3_SECRET_ACCESS_KEY: keys.secretAccessKey,
        },
      });
      expect(app.objectStore.port).toBeNull();
      expect((await health(app)).body.objectStore).toEqual({ ok: true, mode: 'external' });
      await app.platform.objectStore.put('x/y.txt', Buffer.from('y'));
      expect((await app.platform.objectStore.list('x/')).map((o) => o.key)).toEqual(['x/y.txt']);
      const grant = await app.platform.objectStore.grantUploadCredentials('media/d/', 600);
      expect(grant).toMatchObject({
        endpoint: 'http://minio.street.example:9000',
        bucket: 'dock-media',
        credentials: { accessKeyId: keys.accessKeyId, accessKeySecret: keys.secretAccessKey, securityToken: '' },
      });
      await app.dispose();
    } finally {
      await ext.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('an external store that does not answer: the app starts, health says degraded (503)', async () => {
    const app = await startTestApp(dialect, {
      seed: false,
      objectStore: true,
      env: {
        S3_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      },
    });
    apps.push(app);
    const h = await health(app);
    expect(h.status).toBe(503);
    expect(h.body.status).toBe('degraded');
    expect(h.body.objectStore).toEqual({ ok: false, mode: 'external' });
  }, 60_000);

  it('an app that skips the object store reports it disabled and stays healthy', async () => {
    const app = await startTestApp(dialect, { seed: false });
    apps.push(app);
    const h = await health(app);
    expect(h.status).toBe(200);
    expect(h.body.objectStore).toEqual({ ok: null, mode: 'disabled' });
    await expect(app.platform.objectStore.get('a')).rejects.toThrow(/disabled/);
  });
});

describe('S3_* configuration', () => {
  const base = { DATA_DIR: '/tmp/yiwang-cfg' };
  it('defaults: embedded on 9000, bucket yiwang, us-east-1, minio, STS off', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      s3Endpoint: null,
      s3PublicEndpoint: null,
      s3Port: 9000,
      s3Bucket: 'yiwang',
      s3Region: 'us-east-1',
      s3Provider: 'minio',
      s3Sts: false,
      s3AccessKeyId: null,
    });
  });
  it.each([
    [{ S3_PROVIDER: 'gcs' }, /S3_PROVIDER/],
    [{ S3_PROVIDER: 'aws' }, /S3_PROVIDER=aws needs S3_ENDPOINT/],
    [{ S3_ENDPOINT: 'http://minio:9000' }, /S3_ACCESS_KEY_ID/],
    [{ S3_ACCESS_KEY_ID: 'only-one' }, /go together/],
    [{ S3_ENDPOINT: 'ftp://minio' }, /S3_ENDPOINT must start with http/],
    [{ S3_STS: 'on' }, /S3_STS=on/],
    [{ S3_STS: 'maybe' }, /S3_STS/],
    [{ S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET/],
    [{ S3_PORT: '70000' }, /S3_PORT/],
    [
      {
        S3_ENDPOINT: 'https://oss-cn-shenzhen.aliyuncs.com',
        S3_PROVIDER: 'ali',
        S3_STS: 'on',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 'b',
      },
      /MinIO/,
    ],
  ])('%j is refused naming the variable', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
  it('MinIO with STS is accepted', () => {
    const c = loadConfig({
      ...base,
      S3_ENDPOINT: 'http://10.0.0.5:9000',
      S3_ACCESS_KEY_ID: 'yiwang',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_STS: 'on',
    });
    expect(c).toMatchObject({ s3Sts: true, s3Endpoint: 'http://10.0.0.5:9000' });
  });
  it('the embedded store’s public address: S3_PUBLIC_ENDPOINT, else PUBLIC_URL’s host, else loopback', () => {
    expect(embeddedPublicEndpoint({ publicUrl: 'https://yiwang.street.example/app' }, 9000)).toBe(
      'http://yiwang.street.example:9000',
    );
    expect(embeddedPublicEndpoint({ publicUrl: null }, 9123)).toBe('http://127.0.0.1:9123');
  });
});
