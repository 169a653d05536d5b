import { describe, expect, it } from 'vitest';
import { liveReports, liveSources } from './live-capacity';
import { playKindOf, playTarget, pushTarget, pushTypeOf } from './live-urls';

// live_capacity as DJI's docs show a Dock 2 with its M3D: the dock's own camera and the aircraft's
const CAPACITY = {
  available_video_number: 2,
  coexist_video_number_max: 1,
  device_list: [
    {
      sn: '7CTDM3D00BVY4G',
      available_video_number: 1,
      coexist_video_number_max: 1,
      camera_list: [
        {
          camera_index: '165-0-7',
          available_video_number: 1,
          coexist_video_number_max: 1,
          video_list: [{ video_index: 'normal-0', video_type: 'normal', switchable_video_types: ['normal'] }],
        },
      ],
    },
    {
      sn: '1581F6Q8D242100CPKTJ',
      camera_list: [
        {
          camera_index: '80-0-0',
          video_list: [
            { video_index: 'normal-0', video_type: 'wide', switchable_video_types: ['wide', 'zoom', 'ir'] },
            { video_index: 'bad/index', video_type: 'zoom' },
          ],
        },
        'not a camera',
      ],
    },
    { camera_list: [] },
  ],
};

describe('live capacity', () => {
  it('reads the video ids the dock offers, skipping what is malformed', () => {
    const s = liveSources(CAPACITY);
    expect(s.map((x) => x.videoId)).toEqual([
      '7CTDM3D00BVY4G/165-0-7/normal-0',
      '1581F6Q8D242100CPKTJ/80-0-0/normal-0',
    ]);
    expect(s[1]).toMatchObject({
      deviceSn: '1581F6Q8D242100CPKTJ',
      videoType: 'wide',
      switchable: ['wide', 'zoom', 'ir'],
    });
    expect(liveSources(null)).toEqual([]);
    expect(liveSources({ device_list: 'x' })).toEqual([]);
  });

  it('reads live_status reports', () => {
    expect(
      liveReports([{ video_id: 'a/b/c', status: 1, video_quality: 2, video_type: 'zoom', error_status: 0 }, 5]),
    ).toEqual([{ videoId: 'a/b/c', pushing: true, quality: 2, videoType: 'zoom', errorStatus: 0 }]);
    expect(liveReports('x')).toEqual([]);
  });
});

describe('push and play URLs', () => {
  const [dockCam, aircraftCam] = liveSources(CAPACITY);
  it('fills the templates and picks url_type from the scheme', () => {
    const s = {
      livePushUrl: 'rtmp://media.example:1935/live/{sn}-{camera}',
      livePlayUrl: 'https://media.example/live/{sn}-{camera}/hls.m3u8',
    };
    expect(pushTarget(s, aircraftCam, 'D')).toEqual({
      urlType: 1,
      url: 'rtmp://media.example:1935/live/1581F6Q8D242100CPKTJ-80-0-0',
    });
    expect(playTarget(s, dockCam, 'D')).toEqual({
      url: 'https://media.example/live/7CTDM3D00BVY4G-165-0-7/hls.m3u8',
      kind: 'hls',
    });
    expect(
      pushTarget({ livePushUrl: 'https://media.example/index/api/whip?app=live&stream={dock}' }, dockCam, 'DOCK1'),
    ).toEqual({
      urlType: 4,
      url: 'https://media.example/index/api/whip?app=live&stream=DOCK1',
    });
    const gb =
      'serverIP=10.0.0.5&serverPort=5060&serverID=34020000002000000001&agentID=34020000001320000001&agentPassword=p&localPort=7060&channel=34020000001320000001';
    expect(pushTarget({ livePushUrl: gb }, dockCam, 'D')).toEqual({ urlType: 3, url: gb });
    expect(pushTarget({ livePushUrl: 'rtmp://x/{sn}', livePushType: 'whip' }, dockCam, 'D')?.urlType).toBe(4);
  });

  it('has nothing to push to without a media gateway', () => {
    expect(pushTarget({}, dockCam, 'D')).toBeNull();
    expect(pushTarget({ livePushUrl: 'ftp://nope' }, dockCam, 'D')).toBeNull();
    expect(playTarget({ livePlayUrl: null }, dockCam, 'D')).toBeNull();
    expect(pushTypeOf('rtmps://a/b')).toBe('rtmp');
  });

  it('tells the browser how to play a URL', () => {
    expect(playKindOf('http://m/live/a.flv')).toBe('flv');
    expect(playKindOf('http://m/live/a/index.m3u8?token=1')).toBe('hls');
    expect(playKindOf('webrtc://m/live/a')).toBe('webrtc');
    expect(playKindOf('https://m/index/api/whep?stream=a')).toBe('webrtc');
    expect(playKindOf('https://m/live/a.mp4')).toBe('video');
  });
});
