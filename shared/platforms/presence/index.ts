// The presence rules of every platform, by id.
import type { PlatformId } from '../platform-id.ts';
import { blueskyPresence } from './bluesky.ts';
import { customPresence } from './custom.ts';
import { facebookPresence } from './facebook.ts';
import { instagramPresence } from './instagram.ts';
import { linkedinPresence } from './linkedin.ts';
import { mastodonPresence } from './mastodon.ts';
import { redditPresence } from './reddit.ts';
import { threadsPresence } from './threads.ts';
import type { PlatformPresence } from './types.ts';
import { xPresence } from './x.ts';
import { youtubePresence } from './youtube.ts';

export type { IdentityCookie, PlatformPresence, UnreadCount } from './types.ts';

/** Each platform's title, sign-in page and identity-cookie rules. */
export const PRESENCE: Record<PlatformId, PlatformPresence> = {
  x: xPresence,
  mastodon: mastodonPresence,
  bluesky: blueskyPresence,
  threads: threadsPresence,
  linkedin: linkedinPresence,
  facebook: facebookPresence,
  instagram: instagramPresence,
  reddit: redditPresence,
  youtube: youtubePresence,
  custom: customPresence,
};
