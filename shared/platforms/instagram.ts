// Instagram (web and app API): comments, feed/carousel/reel posts, direct messages.
import { idOf, nestedJson, str, type JsonObject, type JsonValue } from './json-body.ts';
import type { PostDetail } from '../gate/types.ts';
import { hostIn, part, pathEndsWith, pathIs, single, type PlatformRule } from './rule.ts';
import { metaGraphqlRule } from './meta-graphql.ts';

const isInstagram = hostIn('instagram.com');

/** Where a direct message goes: its thread IDs, else the user IDs (`[[id, ...]]`), each a detail. */
function directRecipients(record: JsonObject): PostDetail[] {
  const ids = (value: JsonValue | undefined): string[] => {
    const parsed = nestedJson(value);
    if (Array.isArray(parsed))
      return parsed
        .flatMap((v) => (Array.isArray(v) ? v : [v]))
        .map(idOf)
        .filter((v): v is string => v !== null);
    const one = idOf(parsed);
    return one === null ? [] : [one];
  };
  const threads = ids(record['thread_ids'] ?? record['thread_id']);
  const list = threads.length > 0 ? threads : ids(record['recipient_users']);
  return list.map((value): PostDetail => ({ key: 'recipient', value }));
}

/** The Instagram rules. Comments reply to the media ID in the URL (the comment ID too when replying to one). */
export const instagramRules: readonly PlatformRule[] = [
  metaGraphqlRule('instagram', isInstagram),
  {
    name: 'instagram.web.comments.add',
    platform: 'instagram',
    methods: ['POST'],
    anchors: ['add'],
    fallbackAction: 'reply',
    matchUrl: (host, segments) => isInstagram(host) && pathIs(segments, 'api', 'v1', 'web', 'comments', '*', 'add'),
    extract: ({ body, segments }) => {
      const record = body.record();
      // A reply to a comment names the comment (its direct parent), not the post.
      return single(part(str(record['comment_text']), { replyToId: idOf(record['replied_to_comment_id']) ?? segments[4] ?? null }), 'reply');
    },
  },
  {
    name: 'instagram.media.comment',
    platform: 'instagram',
    methods: ['POST'],
    anchors: ['comment'],
    fallbackAction: 'reply',
    matchUrl: (host, segments) => isInstagram(host) && pathIs(segments, 'api', 'v1', 'media', '*', 'comment'),
    extract: ({ body, segments }) => {
      const record = body.record();
      return single(part(str(record['comment_text']), { replyToId: idOf(record['replied_to_comment_id']) ?? segments[3] ?? null }), 'reply');
    },
  },
  ...(['configure', 'configure_sidecar', 'configure_to_clips'] as const).map((endpoint): PlatformRule => ({
    name: `instagram.media.${endpoint}`,
    platform: 'instagram',
    methods: ['POST'],
    anchors: [endpoint],
    matchUrl: (host, segments) => isInstagram(host) && pathEndsWith(segments, 'api', 'v1', 'media', endpoint),
    extract: ({ body }) => {
      const record = body.record();
      const children = nestedJson(record['children_metadata']);
      const media = endpoint === 'configure_sidecar' ? (Array.isArray(children) ? children.length : 0) : 1;
      return single(part(str(record['caption']) ?? '', { mediaCount: media }));
    },
  })),
  {
    // Every kind of direct message (text, link, media_share, reel_share, story_share, profile, like, ...):
    // each one sends something to someone, so none goes out unseen.
    name: 'instagram.direct.broadcast',
    platform: 'instagram',
    methods: ['POST'],
    anchors: ['broadcast'],
    fallbackAction: 'message',
    matchUrl: (host, segments) => isInstagram(host) && pathEndsWith(segments, 'direct_v2', 'threads', 'broadcast', '*'),
    extract: ({ body, segments }) => {
      const kind = (segments[segments.length - 1] ?? '').toLowerCase();
      const record = body.record();
      const text = str(record['text']) ?? str(record['link_text']) ?? (kind === 'text' ? null : '');
      const shared = kind.endsWith('_share') ? 1 : 0;
      const p = part(text, { replyToId: idOf(record['replied_to_item_id']), mediaCount: shared });
      return { ...single(p, 'message'), rule: `instagram.direct.${kind}`, details: directRecipients(record) };
    },
  },
];
