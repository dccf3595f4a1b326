import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a signed link may preview: the draft, or the published version. */
export const PREVIEW_STATUSES = ['draft', 'published'] as const;
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];

/** `PREVIEW_LINK_TTL_MINUTES`: how long a link the admin makes stays valid. */
export const PREVIEW_LINK_TTL = { variable: 'PREVIEW_LINK_TTL_MINUTES', fallback: 30, max: 1440 };

/** The link's minutes, checked at boot: a whole number from 1 to a day, or the start is refused. */
export const previewLinkTtlMinutes = (value: string | undefined): number => {
  const text = (value ?? '').trim();
  if (text === '') return PREVIEW_LINK_TTL.fallback;
  const minutes = Number(text);
  if (!/^\d+$/.test(text) || minutes < 1 || minutes > PREVIEW_LINK_TTL.max) {
    throw new Error(
      `${PREVIEW_LINK_TTL.variable} must be a whole number of minutes from 1 to ` +
        `${PREVIEW_LINK_TTL.max}, not "${text}".`,
    );
  }
  return minutes;
};

/** The link's key: derived from `PREVIEW_SECRET`, so the secret itself never signs anything. */
const linkKey = (previewSecret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', previewSecret, '', 'newsroom preview link v1', 32));

const sign = (previewSecret: string, documentId: string, status: string, expires: number) =>
  createHmac('sha256', linkKey(previewSecret))
    .update(`${documentId}\n${status}\n${expires}`)
    .digest();

export interface PreviewLink {
  documentId: string;
  status: PreviewStatus;
  /** Unix seconds after which the link is refused. */
  expires: number;
  /** base64url HMAC-SHA256 of the document id, status and expiry. */
  signature: string;
}

/** A link for one document, valid `ttlMinutes` from `now` (milliseconds, injected for tests). */
export const signPreviewLink = (
  previewSecret: string,
  {
    documentId,
    status,
    ttlMinutes,
    now = Date.now(),
  }: {
    documentId: string;
    status: PreviewStatus;
    ttlMinutes: number;
    now?: number;
  },
): PreviewLink => {
  const expires = Math.floor(now / 1000) + ttlMinutes * 60;
  const signature = sign(previewSecret, documentId, status, expires).toString('base64url');
  return { documentId, status, expires, signature };
};

export type PreviewLinkCheck =
  { ok: true } | { ok: false; reason: 'malformed' | 'tampered' | 'expired'; message: string };

/**
 * Whether `signature` was made for this document, status and expiry (compared in constant
 * time) and the expiry has not passed at `now`.
 */
export const verifyPreviewLink = (
  previewSecret: string,
  { documentId, status, expires, signature }: Record<keyof PreviewLink, unknown>,
  now = Date.now(),
): PreviewLinkCheck => {
  if (
    typeof documentId !== 'string' ||
    typeof signature !== 'string' ||
    typeof expires !== 'string' ||
    !/^\d{1,12}$/.test(expires) ||
    !PREVIEW_STATUSES.includes(status as PreviewStatus)
  ) {
    return {
      ok: false,
      reason: 'malformed',
      message:
        'A preview link needs `expires` (unix seconds), `signature` and `status` (draft or published), as the admin made them',
    };
  }
  const expected = sign(previewSecret, documentId, status as string, Number(expires));
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      reason: 'tampered',
      message: 'This preview link is not valid for this article: open Preview in the admin again',
    };
  }
  if (Number(expires) * 1000 <= now) {
    return {
      ok: false,
      reason: 'expired',
      message: `This preview link expired at ${new Date(Number(expires) * 1000).toISOString()}: open Preview in the admin again`,
    };
  }
  return { ok: true };
};
