// The platforms Hatrack knows by name; any other site is 'custom' (matched only by user rules).

/** Every platform an account can be on. */
export const PLATFORM_IDS = ['x', 'mastodon', 'bluesky', 'threads', 'linkedin', 'facebook', 'instagram', 'reddit', 'youtube', 'custom'] as const;

/** A platform identifier, stable in stored data and logs. */
export type PlatformId = (typeof PLATFORM_IDS)[number];

/** True when `value` names a known platform. */
export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}
