/** The city brain's API as TypeBox schemas (imports only TypeBox and other contracts; the web imports it). */
export * from './video/video.contract';
export * from './devices/devices.contract';
export * from './datasets/datasets.contract';
