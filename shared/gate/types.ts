// The vocabulary of the posting gate: what an outgoing request looks like and what classifying it yields.
import type { PlatformId } from '../platforms/platform-id.ts';

/** What publishing a request would do. */
export const POST_ACTIONS = ['post', 'reply', 'quote', 'edit', 'schedule', 'repost', 'message'] as const;
/** One publishing action. */
export type PostAction = (typeof POST_ACTIONS)[number];

/**
 * An outgoing HTTP request as either adapter (Electron webRequest, Playwright route) sees it.
 * `body` is the raw bytes; null when the request has none, or when the adapter could not read it
 * (for example an upload part backed by a file), in which case `bodyUnreadable` is true.
 */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers?: Readonly<Record<string, string>>;
  body: Uint8Array | null;
  bodyUnreadable?: boolean;
}

/** What a labelled fact beside a post's text says; the renderer translates the key. */
export const POST_DETAIL_KEYS = [
  'visibility',
  'contentWarning',
  'pollOption',
  'scheduledAt',
  'community',
  'title',
  'recipient',
  'actingAs',
  'ambiguousField',
  'unrecognisedRequest',
  'checkFailed',
] as const;
/** One kind of labelled fact. */
export type PostDetailKey = (typeof POST_DETAIL_KEYS)[number];

/**
 * Something that will be published with a post, or decides who sees it, beside its text: a content
 * warning, a poll option, the visibility, a scheduled time, a subreddit, a title, a DM recipient, the
 * account the request acts as. The dialog shows every detail; a post never goes out with one unseen.
 */
export interface PostDetail {
  key: PostDetailKey;
  value: string;
}

/** One post inside a publishing request (a thread sends several). */
export interface PostPart {
  /** The exact text as it will be published; null when it could not be read. */
  text: string | null;
  mediaCount: number;
  /** The ID (always a string, never a number) of the item replied to, if any. */
  replyToId: string | null;
  /** The ID of the item quoted, if any. */
  quotedId: string | null;
  /** Facts of this part beside its text (content warning, poll options, title, ...), in display order. */
  details?: PostDetail[];
}

/** A request recognised as publishing. */
export interface ClassifiedPost {
  platform: PlatformId;
  /** Stable name of the rule that matched, e.g. 'x.graphql.CreateTweet'. */
  rule: string;
  action: PostAction;
  /** The posts in the order they will be published; at least one. */
  parts: PostPart[];
  /** False when the endpoint publishes but its body could not be parsed: shown as "content could not be read". */
  readable: boolean;
  /** Why the body could not be read (for the dialog and the audit log). */
  unreadableReason?: string;
  /** Who the request says is posting, where it says so (a Bluesky repo DID, say). */
  identity: string | null;
  /** Facts of the whole request (recipient, visibility, acting account, ...), in display order. */
  details?: PostDetail[];
}

/**
 * What the gate knows about the session a request comes from. Without it (the HAR check, the CLI) the
 * Fediverse rules apply on every host: more is held, nothing escapes.
 */
export interface ClassifyContext {
  /** The account's platform. */
  platform?: PlatformId;
  /** The host of the account's own server (its start URL's host); a Fediverse server when `platform` is 'mastodon'. */
  serverHost?: string | null;
  /** Hosts the session has shown to be Fediverse servers (see fediverseHostOf), canonical (lower case, no trailing dot). */
  fediverseHosts?: ReadonlySet<string>;
  /**
   * Bluesky handles the session has resolved to DIDs (lower-case handle → DID), from its own earlier
   * responses (com.atproto.server.getSession, com.atproto.identity.resolveHandle). A post whose repo is
   * a handle found here is compared as that DID; any other handle is no identity (never a mismatch).
   */
  blueskyHandles?: ReadonlyMap<string, string>;
}

/** The classifier's verdict: publishing (held per policy) or not. */
export type Classification = { gated: false } | ({ gated: true } & ClassifiedPost);
