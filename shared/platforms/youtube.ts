// YouTube: InnerTube web comments, replies, live chat and community posts; Data API v3 commentThreads and comments.
import { arr, at, str } from './json-body.ts';
import type { PostDetail } from '../gate/types.ts';
import { base64Bytes } from '../gate/media/base64.ts';
import { hostIn, part, scheduledDetail, pathEndsWith, pathIs, single, type PlatformRule } from './rule.ts';

const isYouTube = hostIn('youtube.com');
const isGoogleApis = (host: string): boolean => host === 'www.googleapis.com' || host === 'youtube.googleapis.com';

/**
 * The 11-character video ID inside InnerTube's base64url protobuf params (createCommentParams and
 * friends carry it as a length-delimited string field), or null.
 */
export function videoIdFromParams(params: string | null): string | null {
  if (params === null) return null;
  let bytes: Uint8Array | null;
  try {
    bytes = base64Bytes(decodeURIComponent(params));
  } catch {
    return null; // a stray % in the params
  }
  if (bytes === null) return null;
  for (let i = 0; i + 12 < bytes.length; i++) {
    if (((bytes[i] ?? 0) & 7) === 2 && bytes[i + 1] === 11) {
      const candidate = new TextDecoder().decode(bytes.subarray(i + 2, i + 13));
      if (/^[A-Za-z0-9_-]{11}$/.test(candidate)) return candidate;
    }
  }
  return null;
}

function innertube(endpoint: string[], name: string, read: PlatformRule['extract'], action: 'reply' | 'message'): PlatformRule {
  return {
    name,
    platform: 'youtube',
    methods: ['POST'],
    anchors: [endpoint[endpoint.length - 1] ?? ''],
    fallbackAction: action,
    matchUrl: (host, segments) => isYouTube(host) && pathEndsWith(segments, 'youtubei', 'v1', ...endpoint),
    extract: read,
  };
}

/** The YouTube rules. replyToId is the video ID (top-level comments) or parent comment ID where the body shows it. */
export const youtubeRules: readonly PlatformRule[] = [
  innertube(
    ['comment', 'create_comment'],
    'youtube.innertube.create_comment',
    ({ body }) => {
      const json = body.json();
      return single(part(str(at(json, 'commentText')), { replyToId: videoIdFromParams(str(at(json, 'createCommentParams'))) }), 'reply');
    },
    'reply',
  ),
  innertube(
    ['comment', 'create_comment_reply'],
    'youtube.innertube.create_comment_reply',
    ({ body }) => {
      const json = body.json();
      return single(part(str(at(json, 'commentText')), { replyToId: videoIdFromParams(str(at(json, 'createReplyParams'))) }), 'reply');
    },
    'reply',
  ),
  innertube(
    ['live_chat', 'send_message'],
    'youtube.innertube.live_chat',
    ({ body }) => {
      const segments = at(body.json(), 'richMessage', 'textSegments');
      const text = Array.isArray(segments) ? segments.map((s) => str(at(s, 'text')) ?? str(at(s, 'emojiId')) ?? '').join('') : null;
      return single(part(text), 'message');
    },
    'message',
  ),
  {
    name: 'youtube.innertube.backstage.create_post',
    platform: 'youtube',
    methods: ['POST'],
    anchors: ['create_post'],
    matchUrl: (host, segments) => isYouTube(host) && pathEndsWith(segments, 'youtubei', 'v1', 'backstage', 'create_post'),
    extract: ({ body }) => {
      const json = body.json();
      const options = [
        ...arr(at(json, 'pollAttachment', 'choices')).map((c) => (typeof c === 'string' ? c : str(at(c, 'text')))),
        ...arr(at(json, 'pollAttachmentData', 'options')).map((o) => str(at(o, 'text'))),
        ...arr(at(json, 'quizAttachmentData', 'options')).map((o) => str(at(o, 'pollOption', 'text'))),
      ].filter((o): o is string => o !== null);
      const images = arr(at(json, 'imagesAttachment', 'imagesData')).length;
      const media = images + (at(json, 'videoAttachment', 'videoId') !== undefined ? 1 : 0);
      const p = part(str(at(json, 'commentText')), { mediaCount: media, details: options.map((value): PostDetail => ({ key: 'pollOption', value })) });
      const when = scheduledDetail(at(json, 'scheduledPublishTimeSec'));
      return { ...single(p, when.length > 0 ? 'schedule' : 'post'), details: when };
    },
  },
  {
    name: 'youtube.data.commentThreads',
    platform: 'youtube',
    methods: ['POST'],
    anchors: ['commentthreads'],
    fallbackAction: 'reply',
    matchUrl: (host, segments) => isGoogleApis(host) && pathIs(segments, 'youtube', 'v3', 'commentThreads'),
    extract: ({ body }) => {
      const snippet = at(body.json(), 'snippet');
      return single(part(str(at(snippet, 'topLevelComment', 'snippet', 'textOriginal')), { replyToId: str(at(snippet, 'videoId')) }), 'reply');
    },
  },
  {
    name: 'youtube.data.comments',
    platform: 'youtube',
    methods: ['POST', 'PUT'],
    anchors: ['comments'],
    fallbackAction: 'reply',
    matchUrl: (host, segments) => isGoogleApis(host) && pathIs(segments, 'youtube', 'v3', 'comments'),
    extract: ({ body, method }) => {
      const snippet = at(body.json(), 'snippet');
      const p = part(str(at(snippet, 'textOriginal')), { replyToId: method === 'PUT' ? null : str(at(snippet, 'parentId')) });
      return single(p, method === 'PUT' ? 'edit' : 'reply');
    },
  },
];
