import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The parts of @20minutes/s3rver (CommonJS, no types) this file uses. */
interface S3rverApp {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  configureBuckets(): Promise<unknown>;
  logger: { close(): void };
}
type S3rverCtor = new (opts: Record<string, unknown>) => S3rverApp;
interface S3rverAccounts {
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void; revokeAccessKey(id: string): void };
}

/** Browsers may fetch objects by presigned URL from the web UI's origin (img tags need no CORS; fetch does). */
const CORS_XML = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

// s3rver keeps its keys in one process-wide registry; count users so one server's stop keeps another's key.
const keyUsers = new Map<string, number>();

function s3Error(res: ServerResponse, status: number, code: string, message: string) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Why a request is refused before s3rver sees it, or null. s3rver lets unsigned requests through and
 * maps keys onto the file system as they come; a server docks reach on the LAN must not.
 */
export function refusal(
  req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> },
  bucket: string,
): { status: number; code: string; message: string } | null {
  const url = new URL(req.url ?? '/', 'http://embedded');
  const signed =
    typeof req.headers.authorization === 'string' ||
    url.searchParams.has('X-Amz-Algorithm') ||
    url.searchParams.has('Signature');
  if (req.method !== 'OPTIONS' && !signed) return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  let segments: string[];
  try {
    // the raw path, as s3rver will see it (URL() would resolve dot segments and hide them)
    const raw = (req.url ?? '/').split('?')[0];
    segments = raw.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return { status: 400, code: 'InvalidURI', message: 'Could not parse the specified URI.' };
  }
  // an encoded slash decodes inside a segment: look at the pieces it makes too
  if (
    segments.flatMap((s) => s.split('/')).some((s) => s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))
  )
    return { status: 400, code: 'InvalidURI', message: 'Could not parse the specified URI.' };
  if (segments[0] !== bucket) return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  const bucketOnly = segments.length === 1 || (segments.length === 2 && segments[1] === '');
  if (bucketOnly && req.method === 'DELETE') return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  return null;
}

/**
 * The S3-protocol server of the one-command install (no S3_ENDPOINT): @20minutes/s3rver storing under
 * `directory`, one bucket, requests signed with the one key pair. Docks upload to it exactly as they
 * would to MinIO (plain PUTs and multipart uploads, SigV4).
 */
export class EmbeddedS3 {
  private server: Server | null = null;
  private app: S3rverApp | null = null;

  constructor(
    private opts: {
      directory: string;
      port: number;
      host: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
    },
  ) {}

  /** The port it really listens on (port 0 = any free one). */
  get port(): number | null {
    const addr = this.server?.address();
    return addr && typeof addr === 'object' ? addr.port : null;
  }

  async start(): Promise<number> {
    const load = createRequire(import.meta.url);
    const S3rver = load('@20minutes/s3rver') as S3rverCtor;
    const accounts = load('@20minutes/s3rver/lib/models/account') as S3rverAccounts;
    // s3rver ships a well-known key pair S3RVER/S3RVER: never accept it.
    accounts.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
    accounts.DUMMY_ACCOUNT.createKeyPair(this.opts.accessKeyId, this.opts.secretAccessKey);
    keyUsers.set(this.opts.accessKeyId, (keyUsers.get(this.opts.accessKeyId) ?? 0) + 1);

    await mkdir(this.opts.directory, { recursive: true });
    const app = new S3rver({
      directory: this.opts.directory,
      silent: true,
      vhostBuckets: false,
      allowMismatchedSignatures: false,
      resetOnClose: false,
      configureBuckets: [{ name: this.opts.bucket, configs: [CORS_XML] }],
    });
    this.app = app;
    await app.configureBuckets();
    const handle = app.callback();
    const server = createServer((req, res) => {
      const refused = refusal(req, this.opts.bucket);
      if (refused) return s3Error(res, refused.status, refused.code, refused.message);
      handle(req, res);
    });
    // long uploads from a dock over a slow link: no request timeout, but idle sockets still close
    server.requestTimeout = 0;
    server.keepAliveTimeout = 5000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.opts.port, this.opts.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (e) {
      this.releaseKey(accounts);
      app.logger.close();
      this.app = null;
      throw e;
    }
    this.server = server;
    return this.port!;
  }

  private releaseKey(accounts: S3rverAccounts) {
    const n = (keyUsers.get(this.opts.accessKeyId) ?? 1) - 1;
    if (n > 0) keyUsers.set(this.opts.accessKeyId, n);
    else {
      keyUsers.delete(this.opts.accessKeyId);
      accounts.DUMMY_ACCOUNT.revokeAccessKey(this.opts.accessKeyId);
    }
  }

  async stop(): Promise<void> {
    const { server, app } = this;
    this.server = null;
    this.app = null;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    if (app) {
      this.releaseKey(createRequire(import.meta.url)('@20minutes/s3rver/lib/models/account') as S3rverAccounts);
      app.logger.close();
    }
  }
}
