// What the gate covers, per platform and action: held by a rule, blocked (a channel it cannot see), or not covered.
import type { Account } from '../accounts/account.ts';
import type { PlatformId } from '../platforms/platform-id.ts';
import type { PostAction } from './types.ts';
import { onDomain } from '../platforms/rule.ts';

/** The platforms with built-in rules (custom sites are covered only by the manager's own rules). */
export type CoveredPlatform = Exclude<PlatformId, 'custom'>;

/**
 * How the gate treats one action on one platform:
 * - 'held': requests are held for the manager by the named built-in rules;
 * - 'blocked': the platform sends it over a channel webRequest cannot read (WebSocket frames), so on a
 *   brand account whose action is held that channel is refused; `rules` hold its HTTP fallbacks;
 * - 'not-covered': the platform can do it, but no rule recognises it: it goes out unheld;
 * - 'absent': the platform has no such action.
 */
export type Coverage =
  | { status: 'held'; rules: readonly string[] }
  | { status: 'blocked'; channel: 'webSocket'; domains: readonly string[]; rules: readonly string[] }
  | { status: 'not-covered' }
  | { status: 'absent' };

const held = (...rules: string[]): Coverage => ({ status: 'held', rules });
const NOT_COVERED: Coverage = { status: 'not-covered' };
const ABSENT: Coverage = { status: 'absent' };

/**
 * The coverage table: every platform with built-in rules, every action. Tests check it against the
 * rule catalog, so a 'held' entry always names rules that exist on that platform.
 */
export const GATE_COVERAGE: Readonly<Record<CoveredPlatform, Readonly<Record<PostAction, Coverage>>>> = {
  x: {
    post: held('x.graphql.CreateTweet', 'x.graphql.CreateNoteTweet', 'x.v2.tweets', 'x.v1.statuses.update'),
    reply: held('x.graphql.CreateTweet', 'x.v2.tweets', 'x.v1.statuses.update'),
    quote: held('x.graphql.CreateTweet', 'x.v2.tweets'),
    // An edit is a CreateTweet carrying edit_options: held like a post.
    edit: held('x.graphql.CreateTweet'),
    schedule: held('x.graphql.CreateScheduledTweet'),
    repost: held('x.graphql.CreateRetweet', 'x.v1.statuses.retweet'),
    message: held('x.dm.new'),
  },
  mastodon: {
    post: held('mastodon.statuses.create', 'mastodon.misskey.notes.create'),
    reply: held('mastodon.statuses.create', 'mastodon.misskey.notes.create'),
    quote: held('mastodon.misskey.notes.create'),
    edit: held('mastodon.statuses.edit'),
    schedule: held('mastodon.statuses.create'),
    repost: held('mastodon.statuses.reblog', 'mastodon.misskey.notes.create'),
    // A direct message is a status with visibility 'direct' (Misskey: 'specified').
    message: held('mastodon.statuses.create', 'mastodon.misskey.notes.create'),
  },
  bluesky: {
    post: held('bluesky.createRecord', 'bluesky.applyWrites'),
    reply: held('bluesky.createRecord', 'bluesky.applyWrites'),
    quote: held('bluesky.createRecord', 'bluesky.applyWrites'),
    edit: held('bluesky.putRecord'),
    schedule: ABSENT,
    repost: held('bluesky.createRecord', 'bluesky.applyWrites'),
    message: held('bluesky.chat.sendMessage', 'bluesky.chat.sendMessageBatch'),
  },
  threads: {
    post: held('threads.configure_text_only_post', 'threads.configure_text_post_app_feed', 'threads.configure_text_post_app_sidecar'),
    reply: held('threads.configure_text_only_post', 'threads.configure_text_post_app_feed', 'threads.configure_text_post_app_sidecar'),
    quote: held('threads.configure_text_only_post', 'threads.configure_text_post_app_feed'),
    edit: NOT_COVERED,
    schedule: NOT_COVERED,
    repost: held('threads.repost'),
    message: ABSENT,
  },
  linkedin: {
    post: held('linkedin.voyager.normShares', 'linkedin.voyager.graphql.shares', 'linkedin.rest.posts', 'linkedin.v2.ugcPosts'),
    reply: held('linkedin.voyager.comments', 'linkedin.socialActions.comments'),
    quote: held('linkedin.voyager.normShares', 'linkedin.rest.posts'),
    edit: held('linkedin.rest.posts.edit'),
    schedule: held('linkedin.voyager.normShares', 'linkedin.rest.posts'),
    repost: held('linkedin.voyager.normShares', 'linkedin.rest.posts'),
    message: held('linkedin.voyager.messages'),
  },
  facebook: {
    post: held('facebook.graphql', 'facebook.graphqlbatch'),
    reply: held('facebook.graphql', 'facebook.graphqlbatch'),
    quote: NOT_COVERED,
    edit: NOT_COVERED,
    schedule: NOT_COVERED,
    repost: NOT_COVERED,
    // Messenger on the web sends over MQTT on a WebSocket (edge-chat): frames the gate cannot read.
    message: { status: 'blocked', channel: 'webSocket', domains: ['facebook.com', 'messenger.com'], rules: [] },
  },
  instagram: {
    post: held('instagram.media.configure', 'instagram.media.configure_sidecar', 'instagram.media.configure_to_clips'),
    reply: held('instagram.web.comments.add', 'instagram.media.comment'),
    quote: ABSENT,
    edit: NOT_COVERED,
    schedule: NOT_COVERED,
    repost: ABSENT,
    // Direct messages on the web go over a WebSocket; the HTTP send endpoint is held as well.
    message: { status: 'blocked', channel: 'webSocket', domains: ['instagram.com'], rules: ['instagram.direct.broadcast'] },
  },
  reddit: {
    post: held('reddit.api.submit', 'reddit.api.submit_gallery_post', 'reddit.shreddit.graphql', 'reddit.gql'),
    reply: held('reddit.api.comment', 'reddit.shreddit.create-comment', 'reddit.shreddit.graphql'),
    quote: ABSENT,
    edit: held('reddit.api.editusertext', 'reddit.shreddit.graphql'),
    schedule: NOT_COVERED,
    // A crosspost is a submission naming the original.
    repost: held('reddit.api.submit'),
    // Reddit chat runs on Matrix (matrix.redditspace.com): its sends are held like private messages.
    message: held('reddit.api.compose', 'reddit.chat.matrix.send'),
  },
  youtube: {
    // Community posts (youtubei backstage/create_post), scheduled ones too.
    post: held('youtube.innertube.backstage.create_post'),
    reply: held('youtube.innertube.create_comment', 'youtube.innertube.create_comment_reply', 'youtube.data.commentThreads', 'youtube.data.comments'),
    quote: ABSENT,
    edit: held('youtube.data.comments'),
    schedule: held('youtube.innertube.backstage.create_post'),
    repost: ABSENT,
    message: held('youtube.innertube.live_chat'),
  },
};

/** A channel refused on an account, and the action it would have carried. */
export interface BlockedChannel {
  channel: 'webSocket';
  action: PostAction;
  platform: CoveredPlatform;
}

function isCovered(platform: PlatformId): platform is CoveredPlatform {
  return platform !== 'custom';
}

/**
 * The channels refused on `account`: on a brand account whose gate is on, each action it holds that
 * its platform sends over a channel the gate cannot read. The frame says so; the adapter refuses the
 * channel's handshakes (see {@link blocksRequest}).
 */
export function blockedChannels(account: Pick<Account, 'platform' | 'kind' | 'gate'>): BlockedChannel[] {
  const { platform, kind, gate } = account;
  if (kind !== 'brand' || gate.mode === 'off' || !isCovered(platform)) return [];
  const out: BlockedChannel[] = [];
  for (const [action, coverage] of Object.entries(GATE_COVERAGE[platform]) as [PostAction, Coverage][]) {
    // A switch that is missing or unreadable counts as held, as the gate policy does.
    if (coverage.status === 'blocked' && gate.actions[action] !== false) out.push({ channel: coverage.channel, action, platform });
  }
  return out;
}

/**
 * True when a request of `account`'s session opens a channel refused on it: a WebSocket handshake
 * (webRequest resourceType 'webSocket', or a ws:/wss: URL) to one of the platform's domains.
 */
export function blocksRequest(account: Pick<Account, 'platform' | 'kind' | 'gate'>, url: string, resourceType: string): boolean {
  // Every request of a session passes here: anything that is not a socket handshake leaves before any work.
  if (resourceType !== 'webSocket' && !/^wss?:/i.test(url)) return false;
  const channels = blockedChannels(account);
  if (channels.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return channels.some((channel) => {
    const coverage = GATE_COVERAGE[channel.platform][channel.action];
    return coverage.status === 'blocked' && onDomain(parsed.hostname, coverage.domains);
  });
}
