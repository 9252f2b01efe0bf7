// Instagram (web and app API): comments, feed/carousel/reel posts, direct messages.
import { idOf, nestedJson, str } from './json-body.ts';
import { hostIn, part, pathEndsWith, pathIs, single, type PlatformRule } from './rule.ts';
import { metaGraphqlRule } from './meta-graphql.ts';

const isInstagram = hostIn('instagram.com');

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
      return single(part(str(record['comment_text']), { replyToId: segments[4] ?? null }), 'reply');
    },
  },
  {
    name: 'instagram.media.comment',
    platform: 'instagram',
    methods: ['POST'],
    anchors: ['comment'],
    fallbackAction: 'reply',
    matchUrl: (host, segments) => isInstagram(host) && pathIs(segments, 'api', 'v1', 'media', '*', 'comment'),
    extract: ({ body, segments }) => single(part(str(body.record()['comment_text']), { replyToId: segments[3] ?? null }), 'reply'),
  },
  ...(['configure', 'configure_sidecar', 'configure_to_clips'] as const).map(
    (endpoint): PlatformRule => ({
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
    }),
  ),
  {
    name: 'instagram.direct.text',
    platform: 'instagram',
    methods: ['POST'],
    anchors: ['text'],
    fallbackAction: 'message',
    matchUrl: (host, segments) => isInstagram(host) && pathEndsWith(segments, 'direct_v2', 'threads', 'broadcast', 'text'),
    extract: ({ body }) => {
      const record = body.record();
      return single(part(str(record['text']), { replyToId: idOf(record['replied_to_item_id']) }), 'message');
    },
  },
];
