// Display names and default start pages of the platforms an account can be on.
import type { PlatformId } from '../platforms/platform-id.ts';

/** Human name of each platform (brand names are not translated). */
export const PLATFORM_NAMES: Record<PlatformId, string> = {
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  reddit: 'Reddit',
  youtube: 'YouTube',
  custom: 'Web',
};

const START_URLS: Record<Exclude<PlatformId, 'mastodon' | 'custom'>, string> = {
  x: 'https://x.com/home',
  bluesky: 'https://bsky.app/',
  threads: 'https://www.threads.com/',
  linkedin: 'https://www.linkedin.com/feed/',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  reddit: 'https://www.reddit.com/',
  youtube: 'https://www.youtube.com/',
};

/**
 * Where a new account's view starts: the form's URL when given, else the platform's home
 * (a Mastodon account starts on its own server). Returns null when nothing can be derived.
 */
export function defaultStartUrl(platform: PlatformId, instance?: string, startUrl?: string): string | null {
  if (startUrl) return startUrl;
  if (platform === 'custom') return null;
  if (platform === 'mastodon') {
    const host = instance
      ?.trim()
      .replace(/^https?:\/\//i, '')
      .replace(/\/.*$/, '');
    return host ? `https://${host}/home` : null;
  }
  return START_URLS[platform];
}

/** A palette of distinct colours for new accounts (any hex is allowed too). */
export const ACCOUNT_PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#be185d', '#4d7c0f', '#facc15', '#334155'] as const;
