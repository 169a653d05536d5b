/** Media of one flight: uploaded against expected, and the priority upload asked for (emergency flights). */
import { Type as T } from '@sinclair/typebox';
import { MaybeAt, MaybeNumber, MaybeString, Nullable } from '../../../platform/contract';

export const FlightIdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const NoMediaQuery = T.Object({}, { additionalProperties: false });

export const FlightMediaProgress = T.Object({
  flightId: T.String(),
  kind: T.String(),
  /** pictures and videos the dock has put into the store and called back */
  uploaded: T.Integer(),
  /** what the flight took (media_count of its flighttask_progress) */
  expected: MaybeNumber,
  /** upload_flighttask_media_prioritize: sent for emergency flights when they end */
  prioritize: Nullable(
    T.Object({
      status: T.String(),
      resultCode: MaybeNumber,
      sentAt: MaybeAt,
      repliedAt: MaybeAt,
    }),
  ),
  note: MaybeString,
});
