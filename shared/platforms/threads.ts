// Threads (threads.net / threads.com web, and the app's i.instagram.com API): text posts, media, carousels, reposts.
import { arr, at, idOf, nestedJson, str, type JsonObject } from './json-body.ts';
import { hostIn, part, pathEndsWith, single, type PlatformRule } from './rule.ts';
import { metaGraphqlRule } from './meta-graphql.ts';

const isThreadsHost = hostIn('threads.net', 'threads.com', 'i.instagram.com');

function childCount(record: JsonObject): number {
  const children = nestedJson(record['children_metadata']);
  return Array.isArray(children) ? children.length : 0;
}

function configureRule(endpoint: string, media: (record: JsonObject) => number): PlatformRule {
  return {
    name: `threads.${endpoint}`,
    platform: 'threads',
    methods: ['POST'],
    anchors: [endpoint],
    matchUrl: (host, segments) => isThreadsHost(host) && pathEndsWith(segments, 'media', endpoint),
    extract: ({ body }) => {
      const record = body.record();
      const info = nestedJson(record['text_post_app_info']);
      const p = part(str(record['caption']) ?? str(at(info, 'text_with_entities', 'text')), {
        replyToId: idOf(at(info, 'reply_id')),
        quotedId: idOf(at(info, 'quoted_post_id')),
        mediaCount: media(record),
      });
      return single(p);
    },
  };
}

/** The Threads rules. Reply/quote targets come from the `text_post_app_info` JSON (often string-encoded). */
export const threadsRules: readonly PlatformRule[] = [
  metaGraphqlRule('threads', hostIn('threads.net', 'threads.com')),
  configureRule('configure_text_only_post', () => 0),
  configureRule('configure_text_post_app_feed', () => 1),
  configureRule('configure_text_post_app_sidecar', (record) => childCount(record) || arr(record['children']).length),
  {
    name: 'threads.repost',
    platform: 'threads',
    methods: ['POST'],
    anchors: ['create_repost'],
    fallbackAction: 'repost',
    matchUrl: (host, segments) => isThreadsHost(host) && pathEndsWith(segments, 'repost', 'create_repost'),
    extract: ({ body }) => ({ action: 'repost', parts: [part('', { quotedId: idOf(body.record()['media_id']) })] }),
  },
];
