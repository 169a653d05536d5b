/** The channels and urgencies of demo requests (the generator and its text and timing parts share them). */
export type DemoChannel = 'hotline' | 'web' | 'wechat' | 'grid' | 'drone' | 'camera' | 'open311';
export type DemoUrgency = 'normal' | 'urgent' | 'emergency';
