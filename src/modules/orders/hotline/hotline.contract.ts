/** The phone system's caller-ID hook (来电弹屏): its request, its answer and the live event it raises. */
import { Type as T, type Static } from '@sinclair/typebox';

/** POST /api/hotline/incoming-call, sent by the phone system (an API key holding hotline.callerid). */
export const IncomingCallBody = T.Object(
  {
    number: T.String({ minLength: 3, maxLength: 24, description: '主叫号码 / the calling number' }),
    extension: T.String({ pattern: '^[0-9]{2,8}$', description: '被叫坐席分机号 / the extension it rings on' }),
  },
  { additionalProperties: false },
);
export type IncomingCallBody = Static<typeof IncomingCallBody>;

export const IncomingCallResult = T.Object({
  /** false: no enabled user has this extension (the call rings on, nobody's page shows it). */
  delivered: T.Boolean(),
  /** The number as stored and searched (spacing dropped, +86 removed). */
  number: T.String(),
});
export type IncomingCallResult = Static<typeof IncomingCallResult>;

/** The live event's type; it reaches only the user the extension belongs to (entityId). */
export const INCOMING_CALL_EVENT = 'hotline.incoming_call';
export const INCOMING_CALL_ENTITY = 'incoming_call';
export interface IncomingCallEventData {
  number: string;
  extension: string;
}
