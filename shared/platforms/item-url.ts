// Where a logged item can be opened: the web URL of the post or comment a reply answered, built from its ID per
// platform. Null where the ID alone cannot name a page (a comment that needs its post, an app-only ID, a custom site).
import { feedbackTarget } from './facebook.ts';
import type { PlatformId } from './platform-id.ts';

/** What the URL may need beyond the ID: the account's server (Mastodon) or, failing that, its handle ("me@server"). */
export interface ItemUrlContext {
  instance?: string;
  handle?: string;
}

const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?$/i;
const DIGITS = /^\d{1,25}$/;
const INSTAGRAM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A media ID as Instagram's shortcode (the ID in base 64 with Instagram's alphabet), e.g. for /p/<code>/. */
export function instagramShortcode(mediaId: string): string | null {
  const digits = mediaId.split('_')[0] ?? '';
  if (!DIGITS.test(digits)) return null;
  let value = BigInt(digits);
  if (value === 0n) return null;
  let code = '';
  while (value > 0n) {
    code = (INSTAGRAM_ALPHABET[Number(value % 64n)] as string) + code;
    value /= 64n;
  }
  return code;
}

function mastodonServer(context: ItemUrlContext): string | null {
  const fromHandle = context.handle?.replace(/^@/, '').split('@')[1];
  const server = (context.instance ?? fromHandle ?? '')
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return HOST.test(server) ? server : null;
}

/**
 * The https URL of the item `id` on `platform`, or null when the ID cannot be turned into one.
 * X and Threads-style numeric IDs, Bluesky at:// URIs, LinkedIn URNs, Reddit fullnames of posts (t3_),
 * YouTube video IDs, Facebook IDs (numeric or base64 "feedback:" IDs), Instagram media IDs, Mastodon status IDs
 * on the account's own server (the ID is that server's).
 */
export function itemUrl(platform: PlatformId, id: string, context: ItemUrlContext = {}): string | null {
  const trimmed = id.trim();
  if (!trimmed) return null;
  switch (platform) {
    case 'x':
      return DIGITS.test(trimmed) ? `https://x.com/i/web/status/${trimmed}` : null;
    case 'mastodon': {
      const server = mastodonServer(context);
      return server && /^[0-9A-Za-z]{1,40}$/.test(trimmed) ? `https://${server}/web/statuses/${trimmed}` : null;
    }
    case 'bluesky': {
      const match = /^at:\/\/(did:[a-z0-9]+:[A-Za-z0-9._:%-]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._~-]+)$/.exec(trimmed);
      return match ? `https://bsky.app/profile/${match[1]}/post/${match[2]}` : null;
    }
    case 'linkedin':
      return /^urn:li:(activity|share|ugcPost):\d{1,25}$/.test(trimmed) ? `https://www.linkedin.com/feed/update/${trimmed}/` : null;
    case 'reddit': {
      const match = /^t3_([a-z0-9]{1,13})$/i.exec(trimmed);
      return match ? `https://www.reddit.com/comments/${match[1]}/` : null;
    }
    case 'youtube':
      return /^[A-Za-z0-9_-]{11}$/.test(trimmed) ? `https://www.youtube.com/watch?v=${trimmed}` : null;
    case 'facebook': {
      // The gate logs what feedbackTarget reads from a feedback_id; an imported ID may still be the base64 one.
      const target = feedbackTarget(trimmed);
      return target !== null && DIGITS.test(target) ? `https://www.facebook.com/${target}` : null;
    }
    case 'instagram': {
      const code = instagramShortcode(trimmed);
      return code ? `https://www.instagram.com/p/${code}/` : null;
    }
    case 'threads':
    case 'custom':
      return null;
  }
}
