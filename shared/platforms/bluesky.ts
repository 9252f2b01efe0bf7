// Bluesky / AT Protocol (matched by XRPC path on any PDS host): createRecord, applyWrites, putRecord, chat.
import { arr, at, isObject, str, type JsonValue } from './json-body.ts';
import { detail, part, pathIs, single, type Extraction, type PlatformRule } from './rule.ts';
import type { ClassifyContext, PostAction, PostDetail, PostPart } from '../gate/types.ts';

const POST = 'app.bsky.feed.post';
const REPOST = 'app.bsky.feed.repost';

function embedMedia(embed: JsonValue | undefined): number {
  const type = str(at(embed, '$type'));
  if (type === 'app.bsky.embed.images') return arr(at(embed, 'images')).length;
  if (type === 'app.bsky.embed.video') return 1;
  if (type === 'app.bsky.embed.recordWithMedia') return embedMedia(at(embed, 'media'));
  return 0;
}

function embedQuote(embed: JsonValue | undefined): string | null {
  const type = str(at(embed, '$type'));
  if (type === 'app.bsky.embed.record') return str(at(embed, 'record', 'uri'));
  if (type === 'app.bsky.embed.recordWithMedia') return str(at(embed, 'record', 'record', 'uri'));
  return null;
}

/** Reads an app.bsky.feed.post record: text, parent URI (reply), quoted URI, media count. */
export function postRecordPart(record: JsonValue | undefined): PostPart {
  const embed = at(record, 'embed');
  // Self-labels (graphic-media, nudity, ...) put a warning over the post, as a content warning does.
  const labels = arr(at(record, 'labels', 'values'))
    .map((l) => str(at(l, 'val')))
    .filter((v): v is string => v !== null);
  return part(str(at(record, 'text')), {
    replyToId: str(at(record, 'reply', 'parent', 'uri')),
    quotedId: embedQuote(embed),
    mediaCount: embedMedia(embed),
    details: labels.map((value): PostDetail => ({ key: 'contentWarning', value })),
  });
}

function xrpcRule(nsid: string, name: string, extract: PlatformRule['extract'], fallbackAction: PostAction = 'post'): PlatformRule {
  return {
    fallbackAction,
    name,
    platform: 'bluesky',
    methods: ['POST'],
    anchors: [nsid.toLowerCase()],
    matchUrl: (_host, segments) => pathIs(segments, 'xrpc', nsid),
    extract,
  };
}

/**
 * The repo as the post's identity when it is a DID. A handle names the same account as its DID, but
 * only a resolution could tell, so it is no identity to compare (never a mismatch that cannot be
 * confirmed); it is shown as who posts instead.
 */
function withIdentity(extraction: Extraction, repo: JsonValue | undefined, context: ClassifyContext | undefined): Extraction {
  const name = str(repo);
  if (name !== null && name.startsWith('did:')) return { ...extraction, identity: name };
  const resolved = name === null ? undefined : context?.blueskyHandles?.get(name.toLowerCase().replace(/^@/, ''));
  return { ...extraction, identity: resolved ?? null, details: [...detail('actingAs', name), ...(extraction.details ?? [])] };
}

/** The Bluesky rules. */
export const blueskyRules: readonly PlatformRule[] = [
  xrpcRule('com.atproto.repo.createRecord', 'bluesky.createRecord', ({ body, context }) => {
    const json = body.json();
    const collection = str(at(json, 'collection'));
    if (collection === POST) return withIdentity(single(postRecordPart(at(json, 'record'))), at(json, 'repo'), context);
    if (collection === REPOST) {
      return withIdentity({ action: 'repost', parts: [part('', { quotedId: str(at(json, 'record', 'subject', 'uri')) })] }, at(json, 'repo'), context);
    }
    return null;
  }),
  xrpcRule('com.atproto.repo.applyWrites', 'bluesky.applyWrites', ({ body, context }) => {
    const json = body.json();
    const parts: PostPart[] = [];
    let edit = false;
    let repost: string | null | undefined;
    for (const write of arr(at(json, 'writes'))) {
      if (!isObject(write)) continue;
      const type = str(write['$type']) ?? '';
      const collection = str(write['collection']);
      if (collection === POST && (type.endsWith('#create') || type.endsWith('#update'))) {
        if (type.endsWith('#update')) edit = true;
        parts.push(postRecordPart(write['value']));
      } else if (collection === REPOST && type.endsWith('#create')) {
        repost = str(at(write, 'value', 'subject', 'uri'));
      }
    }
    const first = parts[0];
    if (first === undefined) {
      if (repost === undefined) return null;
      return withIdentity({ action: 'repost', parts: [part('', { quotedId: repost })] }, at(json, 'repo'), context);
    }
    const extraction = single(first, edit ? 'edit' : undefined);
    extraction.parts = parts;
    if (parts.some((p) => p.text === null)) extraction.unreadableReason = 'text-not-found';
    return withIdentity(extraction, at(json, 'repo'), context);
  }),
  xrpcRule(
    'com.atproto.repo.putRecord',
    'bluesky.putRecord',
    ({ body, context }) => {
      const json = body.json();
      if (str(at(json, 'collection')) !== POST) return null;
      return withIdentity(single(postRecordPart(at(json, 'record')), 'edit'), at(json, 'repo'), context);
    },
    'edit',
  ),
  xrpcRule(
    'chat.bsky.convo.sendMessage',
    'bluesky.chat.sendMessage',
    ({ body }) => {
      const json = body.json();
      const message = at(json, 'message');
      return {
        ...single(part(str(at(message, 'text')), { quotedId: embedQuote(at(message, 'embed')) }), 'message'),
        details: detail('recipient', at(json, 'convoId')),
      };
    },
    'message',
  ),
  xrpcRule(
    'chat.bsky.convo.sendMessageBatch',
    'bluesky.chat.sendMessageBatch',
    ({ body }) => {
      const parts = arr(at(body.json(), 'items')).map((item) => part(str(at(item, 'message', 'text')), { details: detail('recipient', at(item, 'convoId')) }));
      if (parts.length === 0) return { action: 'message', parts: [part(null)], unreadableReason: 'text-not-found' };
      return parts.some((p) => p.text === null) ? { action: 'message', parts, unreadableReason: 'text-not-found' } : { action: 'message', parts };
    },
    'message',
  ),
];
