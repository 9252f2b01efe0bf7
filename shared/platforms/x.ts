// X (Twitter) publishing endpoints: web GraphQL mutations, DMs, API v2 and legacy v1.1.
import { arr, at, idOf, nestedJson, str, type JsonValue } from './json-body.ts';
import type { PostAction } from '../gate/types.ts';
import { headerValue } from './request-body.ts';
import {
  actionOf,
  detail,
  hostIn,
  scheduledDetail,
  part,
  pathEndsWith,
  pathIs,
  withQueryParams,
  single,
  type Extraction,
  type PlatformRule,
  type RuleInput,
} from './rule.ts';

/** True for x.com, twitter.com and their subdomains (the one X host check: rules and the twid cookie read). */
export const isXHost: (host: string) => boolean = hostIn('x.com', 'twitter.com');

/**
 * The identity X's `twid` cookie names (`u=<user id>`, often URL-encoded), as the gate compares it;
 * null when the cookie is missing or says no user.
 */
export function identityFromTwid(cookieValue: string | null | undefined): string | null {
  const id = cookieValue ? /u(?:=|%3D)(\d+)/.exec(cookieValue)?.[1] : undefined;
  return id ? `x:${id}` : null;
}

/** The numeric status ID in a tweet URL (`https://x.com/user/status/123`), or null. */
export function statusIdFromUrl(url: string | null): string | null {
  if (url === null) return null;
  return /\/status(?:es)?\/(\d+)/.exec(url)?.[1] ?? null;
}

function graphqlVariables(input: RuleInput): JsonValue | undefined {
  return nestedJson(at(input.body.json(), 'variables'));
}

/**
 * A rule for `/…/graphql/<queryId>/<operation>`; the operation name must match whole (CreateTweetPreview
 * is another operation), in any case: a server that routes case-insensitively must not get an unheld post.
 */
function graphqlRule(operation: string, extract: (vars: JsonValue | undefined) => Extraction | null, fallbackAction: PostAction = 'post'): PlatformRule {
  return {
    fallbackAction,
    name: `x.graphql.${operation}`,
    platform: 'x',
    methods: ['POST'],
    anchors: [operation.toLowerCase()],
    matchUrl: (host, segments) =>
      isXHost(host) &&
      segments.length >= 3 &&
      segments[segments.length - 3]?.toLowerCase() === 'graphql' &&
      segments[segments.length - 1]?.toLowerCase() === operation.toLowerCase(),
    extract: (input) => extract(graphqlVariables(input)),
  };
}

function tweetFromVariables(vars: JsonValue | undefined): Extraction {
  const p = part(str(at(vars, 'tweet_text')), {
    replyToId: idOf(at(vars, 'reply', 'in_reply_to_tweet_id')),
    quotedId: statusIdFromUrl(str(at(vars, 'attachment_url'))),
    mediaCount: arr(at(vars, 'media', 'media_entities')).length,
  });
  return single(p);
}

function mediaIdsCount(value: JsonValue | undefined): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return value.split(',').filter((s) => s.trim().length > 0).length;
  return 0;
}

/** The X rules, most specific first (before the acting account is read; see xRules). */
const rules: readonly PlatformRule[] = [
  graphqlRule('CreateTweet', tweetFromVariables),
  graphqlRule('CreateNoteTweet', tweetFromVariables),
  graphqlRule(
    'CreateScheduledTweet',
    (vars) => {
      const request = at(vars, 'post_tweet_request');
      const p = part(str(at(request, 'status')), {
        replyToId: idOf(at(request, 'in_reply_to_status_id')),
        quotedId: statusIdFromUrl(str(at(request, 'attachment_url'))),
        mediaCount: mediaIdsCount(at(request, 'media_ids')),
      });
      return { ...single(p, 'schedule'), details: scheduledDetail(at(vars, 'execute_at')) };
    },
    'schedule',
  ),
  graphqlRule(
    'CreateRetweet',
    (vars) => {
      const id = idOf(at(vars, 'tweet_id'));
      return { action: 'repost', parts: [part('', { quotedId: id })] };
    },
    'repost',
  ),
  {
    name: 'x.dm.new',
    fallbackAction: 'message',
    platform: 'x',
    methods: ['POST'],
    anchors: ['new2.json', 'new.json'],
    matchUrl: (host, segments) => isXHost(host) && (pathEndsWith(segments, '1.1', 'dm', 'new2.json') || pathEndsWith(segments, '1.1', 'dm', 'new.json')),
    extract: withQueryParams((record) => {
      const mediaId = idOf(record['media_id']);
      const to = idOf(record['conversation_id']) ?? idOf(record['recipient_ids']);
      return { ...single(part(str(record['text']), { mediaCount: mediaId ? 1 : 0 }), 'message'), details: detail('recipient', to) };
    }),
  },
  {
    name: 'x.v2.tweets',
    platform: 'x',
    methods: ['POST'],
    anchors: ['tweets'],
    matchUrl: (host, segments) => isXHost(host) && pathIs(segments, '2', 'tweets'),
    extract: ({ body }) => {
      const json = body.json();
      const p = part(str(at(json, 'text')), {
        replyToId: idOf(at(json, 'reply', 'in_reply_to_tweet_id')),
        quotedId: idOf(at(json, 'quote_tweet_id')),
        mediaCount: arr(at(json, 'media', 'media_ids')).length,
      });
      return single(p);
    },
  },
  {
    name: 'x.v1.statuses.update',
    platform: 'x',
    methods: ['POST'],
    anchors: ['update.json'],
    matchUrl: (host, segments) => isXHost(host) && pathEndsWith(segments, '1.1', 'statuses', 'update.json'),
    extract: withQueryParams((record) => {
      const p = part(str(record['status']), {
        replyToId: idOf(record['in_reply_to_status_id']),
        quotedId: statusIdFromUrl(str(record['attachment_url'])),
        mediaCount: mediaIdsCount(record['media_ids']),
      });
      return single(p, actionOf(p));
    }),
  },
  {
    name: 'x.v1.statuses.retweet',
    platform: 'x',
    methods: ['POST'],
    anchors: ['retweet'],
    matchUrl: (host, segments) => isXHost(host) && pathEndsWith(segments, '1.1', 'statuses', 'retweet', '*'),
    extract: ({ segments }) => {
      const last = segments[segments.length - 1] ?? '';
      return { action: 'repost', parts: [part('', { quotedId: /^(\d+)/.exec(last)?.[1] ?? null })] };
    },
  },
];

/**
 * The X rules. A delegate posting for another account sends that account's ID in the
 * `x-act-as-user-id` header: it becomes the post's identity (the gate compares it with the account's)
 * and an "acting as" detail. Without the header the identity is the session's (the twid cookie).
 */
export const xRules: readonly PlatformRule[] = rules.map((rule) => ({
  ...rule,
  extract: (input) => {
    const extraction = rule.extract(input);
    const actingAs = headerValue(input.body.headers(), 'x-act-as-user-id').trim();
    if (extraction === null || !/^\d+$/.test(actingAs)) return extraction;
    return { ...extraction, identity: `x:${actingAs}`, details: [{ key: 'actingAs', value: `x:${actingAs}` }, ...(extraction.details ?? [])] };
  },
}));
