/**
 * Verifies the digital signature Adobe I/O Events puts on each delivery, the way @adobe/aio-lib-events'
 * verifyDigitalSignatureForEvent does: RSA-SHA256 over the signed JSON payload, checked against up to two
 * signatures (`x-adobe-digital-signature-1/-2`) with the public keys at `x-adobe-public-key1-path/2-path`, which
 * are fetched from Adobe's static host (never from a URL the request names). Either valid signature is enough,
 * so key rotation works.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { type CommerceEvent, parseCommerceEvent } from './commerce-event';
import type { PublicKeyResolver } from './public-keys';

export type SignatureFailure =
  | 'unsigned' // no signature/key-path header pair
  | 'invalid-signature' // no signature verified against its key
  | 'key-unavailable' // no key could be obtained; the event may be fine, so a retry is reasonable
  | 'malformed' // the signed payload is not a Commerce event
  | 'wrong-recipient'; // signed for another integration

export type SignatureCheck =
  | { ok: true; event: CommerceEvent; signature: 1 | 2 }
  | { ok: false; reason: SignatureFailure; message: string };

export interface VerifyOptions {
  publicKeyResolver: PublicKeyResolver;
  /** When set, the event's recipient_client_id must equal it (aio-lib-events checks this too). */
  expectedRecipientClientId?: string;
}

/**
 * @param params the action params: event fields at the top level, `__ow_headers`, and `__ow_body` (raw body).
 * The returned event is parsed from the bytes that were verified, not from the (unverified) top-level params.
 */
export async function verifyEventSignature(
  params: Record<string, unknown>,
  options: VerifyOptions,
): Promise<SignatureCheck> {
  const headers = lowerCaseKeys(params.__ow_headers);
  const pairs = ([1, 2] as const)
    .map((n) => ({
      n,
      signature: headers[`x-adobe-digital-signature-${n}`] ?? headers[`x-adobe-digital-signature${n}`],
      keyPath: headers[`x-adobe-public-key${n}-path`],
    }))
    .filter((p): p is { n: 1 | 2; signature: string; keyPath: string } => Boolean(p.signature && p.keyPath));
  if (pairs.length === 0) {
    return {
      ok: false,
      reason: 'unsigned',
      message: 'no x-adobe-digital-signature-N / x-adobe-public-keyN-path headers',
    };
  }

  const payload = signedPayload(params);
  let verifiedWith: 1 | 2 | undefined;
  let keyFailures = 0;
  for (const pair of pairs) {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: await options.publicKeyResolver(pair.keyPath), format: 'pem' });
    } catch {
      keyFailures += 1;
      continue;
    }
    if (checkRsaSha256(payload, pair.signature, key)) {
      verifiedWith = pair.n;
      break;
    }
  }
  if (verifiedWith === undefined) {
    return keyFailures === pairs.length
      ? { ok: false, reason: 'key-unavailable', message: 'no public key could be obtained for the signature(s)' }
      : { ok: false, reason: 'invalid-signature', message: 'no signature matches the payload' };
  }

  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'malformed', message: 'the signed payload is not JSON' };
  }
  const parsed = parseCommerceEvent(body);
  if (!parsed.ok) return { ok: false, reason: 'malformed', message: parsed.reason };
  const recipient = options.expectedRecipientClientId;
  if (recipient && parsed.event.recipient_client_id !== recipient) {
    return { ok: false, reason: 'wrong-recipient', message: 'the event was signed for another recipient' };
  }
  return { ok: true, event: parsed.event, signature: verifiedWith };
}

/**
 * The exact bytes I/O Events signed. Prefer the raw body (`__ow_body`, plain or base64 as aio-lib-events accepts);
 * without it, re-serialise the event fields like aio-lib-events' callers do (`JSON.stringify(event)`), which only
 * matches when key order and number formatting survived the trip.
 */
export function signedPayload(params: Record<string, unknown>): string {
  const raw = params.__ow_body;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const trimmed = raw.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return raw;
    const decoded = Buffer.from(raw, 'base64');
    if (decoded.toString('base64').replace(/=+$/, '') === raw.replace(/=+$/, '')) return decoded.toString('utf8');
    return raw;
  }
  return JSON.stringify(eventFields(params));
}

/**
 * Event fields among the params: everything except `__ow_*` and action inputs. CloudEvent attribute names are
 * lower-case (Adobe adds snake_case ones like event_id), while App Builder inputs are UPPER_SNAKE by convention.
 */
export function eventFields(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).filter(([key]) => !key.startsWith('__ow_') && !/^[A-Z][A-Z0-9_]*$/.test(key)),
  );
}

function checkRsaSha256(payload: string, signatureBase64: string, key: KeyObject): boolean {
  try {
    return verify('RSA-SHA256', Buffer.from(payload, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

function lowerCaseKeys(headers: unknown): Record<string, string> {
  if (!headers || typeof headers !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k.toLowerCase()] = v[0];
  }
  return out;
}
