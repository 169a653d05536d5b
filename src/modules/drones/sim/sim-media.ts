import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * A simulated dock's uploads, the way a real one does it: with the credentials of its
 * `storage_config_get` reply, straight into the S3-compatible store, then a `file_upload_callback`.
 */
export interface StorageReply {
  bucket: string;
  endpoint: string;
  region: string;
  object_key_prefix: string;
  credentials: { access_key_id: string; access_key_secret: string; security_token: string };
}

/** A 1×1 grey JPEG: the simulator's "photo" (content does not matter to the platform). */
const PIXEL = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

export class SimUploader {
  private client: S3Client;

  constructor(private s: StorageReply) {
    this.client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: true,
      credentials: {
        accessKeyId: s.credentials.access_key_id,
        secretAccessKey: s.credentials.access_key_secret,
        ...(s.credentials.security_token ? { sessionToken: s.credentials.security_token } : {}),
      },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Uploads one picture; returns its object key. */
  async photo(flightId: string, index: number): Promise<string> {
    const key = `${this.s.object_key_prefix}${flightId}/DJI_${String(index + 1).padStart(4, '0')}_W.jpeg`;
    await this.client.send(
      new PutObjectCommand({ Bucket: this.s.bucket, Key: key, Body: PIXEL, ContentType: 'image/jpeg' }),
    );
    return key;
  }

  close(): void {
    this.client.destroy();
  }
}
