/**
 * Why an open order is offered as a possible duplicate of a new one (pure rules, no database).
 * By distance: its pin is near and its words are similar (the original rule). By address: the
 * same category and the same address text, after normalisation (geography/address.contract.ts) —
 * a caller's pin may be 1.5 km off while the address said on the phone is exactly the same.
 */
import { normaliseAddress, sameAddressKey } from '../../geography/address.contract';
import type { DUPLICATE_REASONS } from '../contract';

export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Whether two address texts name the same place (equal keys, or one inside the other when long enough). */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return sameAddressKey(normaliseAddress(a), normaliseAddress(b)) !== null;
}

export interface CandidateFacts {
  /** Within the radius (false when either order has no pin). */
  near: boolean;
  /** The words are similar enough for a candidate found by place. */
  similar: boolean;
  /** Both orders have a category and it is the same one. */
  sameCategory: boolean;
  /** The normalised addresses match (sameAddressKey). */
  sameAddress: boolean;
}

/** The reason an order is a candidate, or null when it is not one. */
export function duplicateReason(f: CandidateFacts): DuplicateReason | null {
  const byDistance = f.near && f.similar;
  const byAddress = f.sameCategory && f.sameAddress;
  if (byDistance && byAddress) return 'both';
  if (byDistance) return 'distance';
  if (byAddress) return 'address';
  return null;
}

/** Candidates shown first: found both ways, then by similarity of their words. */
export function rankCandidates<T extends { reason: DuplicateReason; similarity: number }>(list: T[]): T[] {
  const weight = (r: DuplicateReason) => (r === 'both' ? 1 : 0);
  return [...list].sort((a, b) => weight(b.reason) - weight(a.reason) || b.similarity - a.similarity);
}
