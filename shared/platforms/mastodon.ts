// Mastodon and other Fediverse servers (matched by path on Fediverse hosts, see ClassifyContext): statuses, edits, boosts; Misskey notes.
import { arr, at, idOf, str, type JsonObject } from './json-body.ts';
import { actionOf, canonicalHost, detail, part, withQueryParams, pathIs, single, type Extraction, type PlatformRule } from './rule.ts';
import { normalisePath } from './custom-rules.ts';
import type { PostAction, PostDetail } from '../gate/types.ts';

function mediaCount(record: JsonObject): number {
  const ids = record['media_ids'];
  if (Array.isArray(ids)) return ids.length;
  return typeof ids === 'string' && ids.length > 0 ? 1 : 0;
}

/** The strings of an array (poll options), skipping anything else. */
function strings(value: unknown): string[] {
  return arr(value).filter((v): v is string => typeof v === 'string');
}

/** The content warning and each poll option: published with the text, shown beside it. */
function statusDetails(record: JsonObject): PostDetail[] {
  return [
    ...detail('contentWarning', record['spoiler_text']),
    ...strings(at(record, 'poll', 'options')).map((o): PostDetail => ({ key: 'pollOption', value: o })),
  ];
}

/** Reads a status body (JSON or form); `fallback` is the action when it is neither reply nor quote. */
function statusFrom(record: JsonObject, fallback: PostAction): Extraction {
  const media = mediaCount(record);
  const status = str(record['status']);
  const p = part(status ?? (media > 0 ? '' : null), {
    mediaCount: media,
    replyToId: idOf(record['in_reply_to_id']),
    quotedId: idOf(record['quoted_status_id']) ?? idOf(record['quote_id']),
    details: statusDetails(record),
  });
  let action: PostAction = fallback === 'edit' ? 'edit' : actionOf(p, fallback);
  if (fallback !== 'edit') {
    if (record['visibility'] === 'direct') action = 'message';
    else if (typeof record['scheduled_at'] === 'string' && record['scheduled_at'].length > 0) action = 'schedule';
  }
  return { ...single(p, action), details: [...detail('visibility', record['visibility']), ...detail('scheduledAt', record['scheduled_at'])] };
}

/** The Mastodon-API rules (Mastodon, Pleroma, Akkoma, GoToSocial…) plus Misskey's notes/create. */
const rules: readonly PlatformRule[] = [
  {
    name: 'mastodon.statuses.create',
    platform: 'mastodon',
    methods: ['POST'],
    anchors: ['statuses'],
    matchUrl: (_host, segments) => pathIs(segments, 'api', 'v1', 'statuses'),
    extract: withQueryParams((record) => statusFrom(record, 'post')),
  },
  {
    name: 'mastodon.statuses.edit',
    platform: 'mastodon',
    methods: ['PUT'],
    fallbackAction: 'edit',
    anchors: ['statuses'],
    matchUrl: (_host, segments) => pathIs(segments, 'api', 'v1', 'statuses', '*'),
    extract: withQueryParams((record) => statusFrom(record, 'edit')),
  },
  {
    name: 'mastodon.statuses.reblog',
    platform: 'mastodon',
    methods: ['POST'],
    anchors: ['reblog'],
    matchUrl: (_host, segments) => pathIs(segments, 'api', 'v1', 'statuses', '*', 'reblog'),
    extract: ({ segments }) => ({ action: 'repost', parts: [part('', { quotedId: segments[3] ?? null })] }),
  },
  {
    name: 'mastodon.misskey.notes.create',
    platform: 'mastodon',
    methods: ['POST'],
    anchors: ['create'],
    matchUrl: (_host, segments) => pathIs(segments, 'api', 'notes', 'create'),
    extract: ({ body }) => {
      const record = body.record();
      const media = arr(record['fileIds']).length || arr(record['mediaIds']).length;
      const renote = idOf(record['renoteId']);
      const text = str(record['text']);
      if (renote !== null && text === null && media === 0) return { action: 'repost', parts: [part('', { quotedId: renote })] };
      const pollDetails = strings(at(record, 'poll', 'choices')).map((c): PostDetail => ({ key: 'pollOption', value: c }));
      const p = part(text ?? (media > 0 ? '' : null), {
        mediaCount: media,
        replyToId: idOf(record['replyId']),
        quotedId: renote,
        details: [...detail('contentWarning', record['cw']), ...pollDetails],
      });
      const recipients = strings(record['visibleUserIds']).map((id): PostDetail => ({ key: 'recipient', value: id }));
      return {
        ...single(p, record['visibility'] === 'specified' ? 'message' : actionOf(p)),
        details: [...detail('visibility', record['visibility']), ...recipients],
      };
    },
  },
];

/**
 * The same rules, each naming the server the post goes to as its identity: a frame whose posts suddenly
 * go to another server is logged in somewhere else, and the gate's identity check blocks it.
 */
export const mastodonRules: readonly PlatformRule[] = rules.map((rule) => ({
  ...rule,
  fediverse: true,
  extract: (input) => {
    const extraction = rule.extract(input);
    return extraction === null
      ? null
      : { ...extraction, identity: `server:${canonicalHost(input.url.hostname)}${input.url.port === '' ? '' : `:${input.url.port}`}` };
  },
}));

/** Paths only Fediverse servers answer: Mastodon-API instance info, NodeInfo discovery, Misskey meta. */
const FEDIVERSE_PROBES = new Set(['/api/v1/instance', '/api/v2/instance', '/.well-known/nodeinfo', '/api/meta']);

/**
 * The host a completed request shows to be a Fediverse server, or null. The gate service calls it for
 * each completed request of a session and passes the hosts it collected as ClassifyContext.fediverseHosts:
 * a site earns the Fediverse rules only by answering as a Fediverse server, never by its paths alone.
 */
export function fediverseHostOf(method: string, url: string, statusCode: number): string | null {
  if (statusCode < 200 || statusCode > 299) return null;
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'POST') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!FEDIVERSE_PROBES.has(normalisePath(parsed.pathname).toLowerCase())) return null;
  return canonicalHost(parsed.hostname);
}
