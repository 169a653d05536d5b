/**
 * The simulated dock's live video: it offers its own FPV camera and the aircraft's gimbal camera in
 * `live_capacity` (a state property, as a real dock reports it), answers `live_start_push`,
 * `live_stop_push`, `live_set_quality` and `live_lens_change`, and reports its streams in
 * `live_status`. It pushes no video: the reply and the state are what the platform sees of a real
 * dock too. Result codes other than 0 are the simulator's own (a real dock's come from DJI's list).
 */
export const SIM_LIVE_ERRORS = { unknownVideo: 513001, badUrl: 513002, notPushing: 513005, badLens: 513006 } as const;

interface Stream {
  urlType: number;
  url: string;
  quality: number;
  lens: string;
}

export class SimLive {
  readonly streams = new Map<string, Stream>();
  private lens = new Map<string, string>();

  constructor(
    private dockSn: string,
    private aircraftSn: string,
  ) {}

  private cameras() {
    return [
      { sn: this.dockSn, camera: '165-0-7', video: 'normal-0', type: 'normal', switchable: ['normal'] },
      { sn: this.aircraftSn, camera: '80-0-0', video: 'normal-0', type: 'wide', switchable: ['wide', 'zoom', 'ir'] },
    ];
  }

  /** `live_capacity` as DJI's docs show it. */
  capacity(): Record<string, unknown> {
    const cams = this.cameras();
    return {
      available_video_number: cams.length,
      coexist_video_number_max: 1,
      device_list: cams.map((c) => ({
        sn: c.sn,
        available_video_number: 1,
        coexist_video_number_max: 1,
        camera_list: [
          {
            camera_index: c.camera,
            available_video_number: 1,
            coexist_video_number_max: 1,
            video_list: [
              {
                video_index: c.video,
                video_type: this.lens.get(`${c.sn}/${c.camera}/${c.video}`) ?? c.type,
                switchable_video_types: c.switchable,
              },
            ],
          },
        ],
      })),
    };
  }

  /** `live_status`: one entry per stream being pushed. */
  status(): Record<string, unknown>[] {
    return [...this.streams].map(([videoId, s]) => ({
      video_id: videoId,
      video_type: s.lens,
      video_quality: s.quality,
      status: 1,
      error_status: 0,
    }));
  }

  /** The result code of a live service (0 accepted); null for a method that is not live. */
  answer(method: string, data: Record<string, unknown>): number | null {
    if (!method.startsWith('live_')) return null;
    const videoId = typeof data.video_id === 'string' ? data.video_id : '';
    const cam = this.cameras().find((c) => `${c.sn}/${c.camera}/${c.video}` === videoId);
    if (!cam) return SIM_LIVE_ERRORS.unknownVideo;
    const stream = this.streams.get(videoId);
    switch (method) {
      case 'live_start_push': {
        const url = typeof data.url === 'string' ? data.url : '';
        if (![1, 3, 4].includes(Number(data.url_type)) || url.length === 0) return SIM_LIVE_ERRORS.badUrl;
        const quality = Number(data.video_quality ?? 0);
        this.streams.set(videoId, {
          urlType: Number(data.url_type),
          url,
          quality,
          lens: this.lens.get(videoId) ?? cam.type,
        });
        return 0;
      }
      case 'live_stop_push':
        if (!stream) return SIM_LIVE_ERRORS.notPushing;
        this.streams.delete(videoId);
        return 0;
      case 'live_set_quality':
        if (!stream) return SIM_LIVE_ERRORS.notPushing;
        stream.quality = Number(data.video_quality ?? 0);
        return 0;
      case 'live_lens_change': {
        const lens = String(data.video_type ?? '');
        if (!cam.switchable.includes(lens)) return SIM_LIVE_ERRORS.badLens;
        this.lens.set(videoId, lens);
        if (stream) stream.lens = lens;
        return 0;
      }
      default:
        return null;
    }
  }
}
