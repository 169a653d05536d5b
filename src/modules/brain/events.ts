/** The events the city brain emits (entity types brain_camera, brain_video_group). */
export const BRAIN_EVENTS = {
  /** a camera created, changed or deleted: data { id, action } */
  cameraChanged: 'brain.camera.changed',
  /** a spreadsheet import: data { total, created, updated } */
  camerasImported: 'brain.camera.imported',
  /** a catalogue sync from the GB/T 28181 platform: data = its SyncResult */
  videoSynced: 'brain.video.synced',
  /** a 业务分组/虚拟组织 created, changed or deleted: data { id, deleted? } */
  groupChanged: 'brain.group.changed',
} as const;
