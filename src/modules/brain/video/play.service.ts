/**
 * Play and snapshot through the configured media gateway (wvp + ZLMediaKit style): the gateway
 * asks the camera for its stream over SIP and answers the URLs browsers play (HTTP-FLV, HLS,
 * WebRTC). Without a gateway the registry, the map and the figures work; play answers 503.
 */
import { AppError } from '../../../platform/errors';
import type { Cameras } from './cameras.service';
import { WvpClient, WvpError, type WvpSettings } from './wvp/wvp-client';

const notConfigured = () =>
  new AppError(
    503,
    'video_gateway_not_configured',
    '未配置视频网关（VIDEO_GATEWAY_URL），无法播放 / no video gateway is configured (VIDEO_GATEWAY_URL): cannot play',
  );

export class VideoPlay {
  private client: WvpClient | null;

  constructor(
    private cameras: Cameras,
    settings: WvpSettings | null,
  ) {
    this.client = settings ? new WvpClient(settings) : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async play(id: string) {
    const cam = await this.cameras.get(id);
    if (!this.client) throw notConfigured();
    try {
      const urls = await this.client.play(cam.device_id ?? cam.id, cam.id);
      return { cameraId: cam.id, ...urls };
    } catch (e) {
      throw gatewayError(e);
    }
  }

  async snapshot(id: string): Promise<{ data: Buffer; type: string }> {
    const cam = await this.cameras.get(id);
    if (!this.client) throw notConfigured();
    try {
      return await this.client.snapshot(cam.device_id ?? cam.id, cam.id);
    } catch (e) {
      throw gatewayError(e);
    }
  }
}

function gatewayError(e: unknown): AppError {
  if (e instanceof WvpError)
    return new AppError(502, 'video_gateway_error', `视频网关出错 / the video gateway failed: ${e.message}`);
  throw e;
}
