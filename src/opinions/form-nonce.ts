import { randomBytes } from 'node:crypto';

/**
 * A form nonce only tells one sending of a form from another, so it needs to be unguessable by
 * others (128 random bits), not signed. The API accepts a client's own, in the same alphabet.
 */
export function newFormNonce(): string {
  return randomBytes(16).toString('base64url');
}

export const FORM_NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Days a spent nonce is kept: long enough for any reload or Back-and-send. */
export const FORM_NONCE_KEEP_DAYS = 3;
