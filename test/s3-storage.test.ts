/**
 * The object store adapter (S3Storage over AWS SDK v3) against a real S3-protocol server: the
 * embedded one (@20minutes/s3rver behind its guard) on a free port. Objects, listings, presigned links
 * fetched as a browser would, an 11 MB multipart upload, and a dock-like client of its own uploading with
 * the credentials of an upload grant. The STS branch is tested against a stand-in STS endpoint
 * (s3rver has no STS): the AssumeRole request it sends and how the answer becomes a grant.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedS3, refusal } from '../src/platform/s3-embedded';
import { assumeRoleInput, checkKey, S3Storage, STS_MIN_S, type S3Settings } from '../src/platform/storage-s3';

const BUCKET = 'media-test';
const KEYS = { accessKeyId: 'YWTESTKEY0001', secretAccessKey: 'test-secret-0123456789' };

describe('S3Storage against the embedded S3-protocol server', () => {
  let dir: string;
  let server: EmbeddedS3;
  let store: S3Storage;
  let endpoint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yiwang-s3-'));
    server = new EmbeddedS3({ directory: dir, port: 0, host: '127.0.0.1', bucket: BUCKET, ...KEYS });
    const port = await server.start();
    endpoint = `http://127.0.0.1:${port}`;
    store = new S3Storage({
      endpoint,
      publicEndpoint: endpoint,
      region: 'us-east-1',
      bucket: BUCKET,
      ...KEYS,
      provider: 'minio',
      sts: false,
      forcePathStyle: true,
    });
    await store.ensureBucket();
  });
  afterAll(async () => {
    store?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('put, get, head, list by prefix, delete', async () => {
    const photo = Buffer.from('\xff\xd8\xff\xe0 not really a jpeg', 'binary');
    await store.put('media/dock-1/f1/DJI_0001.jpeg', photo, { contentType: 'image/jpeg' });
    await store.put('media/dock-1/f1/DJI_0002.jpeg', Buffer.from('two'));
    await store.put('media/dock-10/f9/DJI_0001.jpeg', Buffer.from('other dock'));

    expect(await store.get('media/dock-1/f1/DJI_0001.jpeg')).toEqual(photo);
    const head = await store.head('media/dock-1/f1/DJI_0001.jpeg');
    expect(head).toMatchObject({ key: 'media/dock-1/f1/DJI_0001.jpeg', size: photo.length, contentType: 'image/jpeg' });
    expect(head?.lastModified).toBeGreaterThan(Date.now() - 60_000);
    expect(head?.etag).toMatch(/^"[0-9a-f]{32}"$/);

    const listed = await store.list('media/dock-1/');
    expect(listed.map((o) => [o.key, o.size])).toEqual([
      ['media/dock-1/f1/DJI_0001.jpeg', photo.length],
      ['media/dock-1/f1/DJI_0002.jpeg', 3],
    ]);
    expect((await store.list('media/')).length).toBe(3);

    await store.delete('media/dock-1/f1/DJI_0002.jpeg');
    expect(await store.get('media/dock-1/f1/DJI_0002.jpeg')).toBeNull();
    expect(await store.head('media/dock-1/f1/DJI_0002.jpeg')).toBeNull();
    await store.delete('media/dock-1/f1/DJI_0002.jpeg'); // deleting twice is fine
    expect((await store.list('media/dock-1/')).map((o) => o.key)).toEqual(['media/dock-1/f1/DJI_0001.jpeg']);
    expect(await store.ping()).toBe(true);
  });

  it('lists past one page (1,000 keys) by continuation', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `paged/k${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50)
      await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, Buffer.from(k))));
    const listed = await store.list('paged/');
    expect(listed.length).toBe(1005);
    expect(listed.map((o) => o.key)).toEqual(keys);
  }, 60_000);

  it('a presigned GET works with plain fetch (a browser showing a picture); a tampered or unsigned one does not', async () => {
    await store.put('media/dock-1/f1/view.jpeg', Buffer.from('picture bytes'), { contentType: 'image/jpeg' });
    const url = await store.presignGet('media/dock-1/f1/view.jpeg', 300);
    expect(url.startsWith(`${endpoint}/${BUCKET}/media/dock-1/f1/view.jpeg?`)).toBe(true);
    expect(url).toContain('X-Amz-Expires=300');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('picture bytes');

    const other = url.replace('view.jpeg', 'DJI_0001.jpeg');
    expect((await fetch(other)).status).toBe(403);
    const unsigned = await fetch(`${endpoint}/${BUCKET}/media/dock-1/f1/view.jpeg`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>');
    // anonymous writes are refused too (s3rver alone would accept them)
    const anonPut = await fetch(`${endpoint}/${BUCKET}/media/x.txt`, { method: 'PUT', body: 'x' });
    expect(anonPut.status).toBe(403);
  });

  it('a presigned URL names the public endpoint (the address browsers and docks reach)', async () => {
    const pub = new S3Storage({ ...store.settings, publicEndpoint: 'http://192.0.2.10:9000' });
    const url = await pub.presignGet('media/dock-1/f1/view.jpeg');
    expect(url.startsWith(`http://192.0.2.10:9000/${BUCKET}/media/dock-1/f1/view.jpeg?`)).toBe(true);
    pub.close();
  });

  it('an 11 MB multipart upload (three parts) with the SDK', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    const client = rawClient(endpoint, KEYS);
    const Key = 'media/dock-1/f1/DJI_0003.mp4';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    const partSize = 5 * 1024 * 1024;
    const parts = [];
    for (let n = 1; (n - 1) * partSize < big.length; n++) {
      const Body = big.subarray((n - 1) * partSize, n * partSize);
      const r = await client.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: n, Body }));
      parts.push({ ETag: r.ETag, PartNumber: n });
    }
    expect(parts.length).toBe(3);
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts: parts } }),
    );
    client.destroy();
    expect((await store.head(Key))?.size).toBe(big.length);
    const back = await store.get(Key);
    expect(back?.equals(big)).toBe(true);
  }, 60_000);

  it('a dock-like client uploads under the granted prefix with the grant it was given (static keys)', async () => {
    const grant = await store.grantUploadCredentials('media/dock-7', 3600);
    expect(grant).toMatchObject({
      bucket: BUCKET,
      endpoint,
      region: 'us-east-1',
      provider: 'minio',
      objectKeyPrefix: 'media/dock-7/',
      temporary: false,
      credentials: { accessKeyId: KEYS.accessKeyId, securityToken: '', expire: 3600 },
    });
    expect(grant.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    // a client of its own, with the SDK's default checksum settings, as a device's SDK would be
    const dock = new S3Client({
      endpoint: grant.endpoint,
      region: grant.region,
      forcePathStyle: true,
      credentials: {
        accessKeyId: grant.credentials.accessKeyId,
        secretAccessKey: grant.credentials.accessKeySecret,
        ...(grant.credentials.securityToken ? { sessionToken: grant.credentials.securityToken } : {}),
      },
    });
    const Key = `${grant.objectKeyPrefix}flight-42/DJI_20260302101500_0001_V.jpeg`;
    await dock.send(new PutObjectCommand({ Bucket: grant.bucket, Key, Body: Buffer.from('from the dock') }));
    dock.destroy();
    expect((await store.list(grant.objectKeyPrefix)).map((o) => o.key)).toEqual([Key]);
    expect((await store.get(Key))?.toString()).toBe('from the dock');
    // wrong keys are refused
    const intruder = rawClient(endpoint, { accessKeyId: KEYS.accessKeyId, secretAccessKey: 'guessed' });
    await expect(
      intruder.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'media/evil.txt', Body: Buffer.from('x') })),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    // and s3rver's built-in key pair is not accepted
    const builtIn = rawClient(endpoint, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    await expect(
      builtIn.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'x', Body: Buffer.from('x') })),
    ).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    intruder.destroy();
    builtIn.destroy();
  });

  it('keys with dot segments are refused by the adapter and by the server guard', async () => {
    for (const bad of ['../etc/passwd', 'a/../b', '/abs', 'a//b', '', 'a\u0000b', 'a\\b']) {
      expect(() => checkKey(bad), bad).toThrow();
    }
    expect(checkKey('media/无人机/DJI 0001 (1).jpeg')).toBe('media/无人机/DJI 0001 (1).jpeg');
    const signed = { authorization: 'AWS4-HMAC-SHA256 …' };
    expect(refusal({ method: 'GET', url: `/${BUCKET}/a/%2e%2e/%2e%2e/x`, headers: signed }, BUCKET)?.code).toBe(
      'InvalidURI',
    );
    expect(refusal({ method: 'GET', url: `/${BUCKET}/a/..%2F..%2Fx`, headers: signed }, BUCKET)?.code).toBe(
      'InvalidURI',
    );
    expect(refusal({ method: 'GET', url: '/other-bucket/a', headers: signed }, BUCKET)?.code).toBe('AccessDenied');
    expect(refusal({ method: 'DELETE', url: `/${BUCKET}`, headers: signed }, BUCKET)?.code).toBe('AccessDenied');
    expect(refusal({ method: 'GET', url: `/${BUCKET}/a.jpeg`, headers: {} }, BUCKET)?.code).toBe('AccessDenied');
    expect(refusal({ method: 'PUT', url: `/${BUCKET}/a.jpeg`, headers: signed }, BUCKET)).toBeNull();
  });
});

describe('upload grants through STS AssumeRole (S3_STS=on, MinIO)', () => {
  let sts: Server;
  let stsEndpoint: string;
  const seen: { body: URLSearchParams; authorization: string }[] = [];

  beforeAll(async () => {
    // a stand-in for MinIO's STS endpoint: records the request, answers as AssumeRole does
    sts = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => {
        body += d;
      });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        seen.push({ body: form, authorization: String(req.headers.authorization ?? '') });
        const expiration = new Date(Date.now() + Number(form.get('DurationSeconds')) * 1000).toISOString();
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>` +
            `<AccessKeyId>TEMPKEY123</AccessKeyId><SecretAccessKey>tempsecret</SecretAccessKey>` +
            `<SessionToken>session.token.jwt</SessionToken><Expiration>${expiration}</Expiration>` +
            `</Credentials></AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        );
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    stsEndpoint = `http://127.0.0.1:${(sts.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => sts.close(() => resolve())));

  const settings = (): S3Settings => ({
    endpoint: stsEndpoint,
    publicEndpoint: 'https://media.example.test',
    region: 'cn-south-1',
    bucket: 'yiwang',
    accessKeyId: 'minio-user',
    secretAccessKey: 'minio-secret',
    provider: 'minio',
    sts: true,
    forcePathStyle: true,
  });

  it('the AssumeRole request: MinIO form (no role ARN), duration clamped to MinIO’s minimum, a policy for the prefix', () => {
    const input = assumeRoleInput('yiwang', 'media/dock-7/', 60);
    expect(input.DurationSeconds).toBe(STS_MIN_S);
    expect(input.RoleArn).toBeUndefined();
    expect(assumeRoleInput('yiwang', 'p/', 100_000).DurationSeconds).toBe(12 * 3600);
    const policy = JSON.parse(input.Policy!);
    expect(policy.Statement[0].Resource).toEqual(['arn:aws:s3:::yiwang/media/dock-7/*']);
    expect(policy.Statement[0].Action).toContain('s3:PutObject');
    expect(policy.Statement[1].Resource).toEqual(['arn:aws:s3:::yiwang']);
  });

  it('grantUploadCredentials signs AssumeRole for STS and returns the temporary keys, 5 minutes early', async () => {
    const store = new S3Storage(settings());
    const grant = await store.grantUploadCredentials('media/dock-7/', 3600);
    store.close();
    expect(seen.length).toBe(1);
    const { body, authorization } = seen[0];
    expect(body.get('Action')).toBe('AssumeRole');
    expect(body.get('Version')).toBe('2011-06-15');
    expect(body.get('DurationSeconds')).toBe('3600');
    expect(body.has('RoleArn')).toBe(false);
    expect(JSON.parse(body.get('Policy')!).Statement[0].Resource).toEqual(['arn:aws:s3:::yiwang/media/dock-7/*']);
    expect(authorization).toMatch(/Credential=minio-user\/\d{8}\/cn-south-1\/sts\/aws4_request/);
    expect(grant).toMatchObject({
      bucket: 'yiwang',
      endpoint: 'https://media.example.test',
      region: 'cn-south-1',
      provider: 'minio',
      objectKeyPrefix: 'media/dock-7/',
      temporary: true,
      credentials: { accessKeyId: 'TEMPKEY123', accessKeySecret: 'tempsecret', securityToken: 'session.token.jwt' },
    });
    expect(grant.credentials.expire).toBeGreaterThanOrEqual(3600 - 300 - 2);
    expect(grant.credentials.expire).toBeLessThanOrEqual(3600 - 300);
  });

  it('an STS endpoint that refuses is an error, not a grant of the static keys', async () => {
    const store = new S3Storage({ ...settings(), endpoint: 'http://127.0.0.1:9' });
    await expect(store.grantUploadCredentials('media/dock-7/', 3600)).rejects.toThrow();
    store.close();
  });
});

function rawClient(endpoint: string, keys: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: keys,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
