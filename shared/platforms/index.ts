// The platform rule catalog, its lookup index, and the per-platform ID → time dispatch.
import type { PlatformId } from './platform-id.ts';
import type { PlatformRule } from './rule.ts';
import { xRules } from './x.ts';
import { mastodonRules } from './mastodon.ts';
import { blueskyRules } from './bluesky.ts';
import { threadsRules } from './threads.ts';
import { linkedinRules } from './linkedin.ts';
import { facebookRules } from './facebook.ts';
import { instagramRules } from './instagram.ts';
import { redditRules } from './reddit.ts';
import { youtubeRules } from './youtube.ts';
import { decodeBlueskyTid, decodeInstagramMediaId, decodeLinkedInUrn, decodeMastodonId, decodeXSnowflake } from './id-time.ts';

export type { PlatformRule, RuleInput, Extraction } from './rule.ts';
export * from './id-time.ts';
export { customRuleSchema, matchCustomRule, type CustomRule } from './custom-rules.ts';

/** Every built-in rule, grouped by platform in catalog order. */
export const PLATFORM_RULES: readonly PlatformRule[] = [
  ...xRules,
  ...mastodonRules,
  ...blueskyRules,
  ...threadsRules,
  ...linkedinRules,
  ...facebookRules,
  ...instagramRules,
  ...redditRules,
  ...youtubeRules,
];

/** Rules keyed by lowercase anchor segment (see PlatformRule.anchors). */
export type RuleIndex = ReadonlyMap<string, readonly PlatformRule[]>;

/** Builds the anchor index that lets classify() reject unrelated requests with one or two Map lookups. */
export function buildRuleIndex(rules: readonly PlatformRule[]): RuleIndex {
  const index = new Map<string, PlatformRule[]>();
  for (const rule of rules) {
    for (const anchor of rule.anchors) {
      const list = index.get(anchor);
      if (list) list.push(rule);
      else index.set(anchor, [rule]);
    }
  }
  return index;
}

/** The index over PLATFORM_RULES (immutable data, built once). */
export const RULE_INDEX: RuleIndex = buildRuleIndex(PLATFORM_RULES);

/**
 * The creation time an item's ID encodes on `platform`, or null where the platform's IDs carry none
 * (Facebook, Reddit, YouTube, custom), the ID is malformed, or the time is impossible relative to `now`.
 * Bluesky takes an `at://` URI or bare TID; LinkedIn a URN or numeric ID; Threads uses Instagram media IDs.
 */
export function decodeItemTime(platform: PlatformId, id: string, now: Date = new Date()): Date | null {
  if (typeof id !== 'string') return null;
  switch (platform) {
    case 'x':
      return decodeXSnowflake(id, now);
    case 'mastodon':
      return decodeMastodonId(id, now);
    case 'bluesky':
      return decodeBlueskyTid(id, now);
    case 'instagram':
    case 'threads':
      return decodeInstagramMediaId(id, now);
    case 'linkedin':
      return decodeLinkedInUrn(id, now);
    default:
      return null;
  }
}
