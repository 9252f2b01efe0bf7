// LinkedIn: web voyager shares (REST and GraphQL), comments, messages; official /rest/posts, /v2/ugcPosts, comments.
import { arr, at, isObject, str, type JsonValue } from './json-body.ts';
import { actionOf, detail, hostIn, scheduledDetail, part, pathEndsWith, pathIs, single, type Extraction, type PlatformRule } from './rule.ts';
import type { PostAction, PostDetail } from '../gate/types.ts';

const isLinkedIn = hostIn('linkedin.com');

function lifecycle(value: JsonValue | undefined, scheduledAt: JsonValue | undefined, fallback: PostAction): PostAction | null {
  const state = typeof value === 'string' ? value.toUpperCase() : '';
  if (state === 'DRAFT') return null;
  if (state === 'SCHEDULED' || (scheduledAt !== undefined && scheduledAt !== null)) return 'schedule';
  return fallback;
}

function share(text: string | null, media: number, parent: string | null, state: JsonValue | undefined, scheduledAt: JsonValue | undefined): Extraction | null {
  const p = part(text, { mediaCount: media, quotedId: parent });
  const repost = parent !== null && (text === null || text.length === 0);
  const action = lifecycle(state, scheduledAt, repost ? 'repost' : actionOf(p));
  if (action === null) return null;
  const when = scheduledDetail(scheduledAt);
  if (repost) return { action, parts: [part('', { quotedId: parent })], details: when };
  return { ...single(p, action), details: when };
}

/** One /rest/posts body (or one element of a batch). */
function restPost(json: JsonValue): Extraction | null {
  const content = at(json, 'content');
  const media = arr(at(content, 'multiImage', 'images')).length || (at(content, 'media') ? 1 : 0);
  return withAuthor(
    share(str(at(json, 'commentary')), media, str(at(json, 'reshareContext', 'parent')), at(json, 'lifecycleState'), undefined),
    json,
    at(json, 'visibility'),
  );
}

/** The `author` URN names who posts (a member or an organization Page): the identity, and "acting as". */
function withAuthor(extraction: Extraction | null, json: JsonValue, visibility: JsonValue | undefined): Extraction | null {
  if (extraction === null) return null;
  const author = str(at(json, 'author'));
  return {
    ...extraction,
    identity: author === null ? null : `linkedin:${author}`,
    details: [...detail('actingAs', author), ...detail('visibility', visibility), ...(extraction.details ?? [])],
  };
}

function rule(name: string, anchors: string[], match: PlatformRule['matchUrl'], extract: PlatformRule['extract'], fallbackAction?: PostAction): PlatformRule {
  return { name, platform: 'linkedin', methods: ['POST'], anchors, matchUrl: match, extract, ...(fallbackAction ? { fallbackAction } : {}) };
}

/** The LinkedIn rules. */
export const linkedinRules: readonly PlatformRule[] = [
  rule(
    'linkedin.voyager.normShares',
    ['normshares'],
    (host, segments) => isLinkedIn(host) && pathIs(segments, 'voyager', 'api', 'contentcreation', 'normShares'),
    ({ body }) => {
      const json = body.json();
      const text = str(at(json, 'commentaryV2', 'text')) ?? str(at(json, 'commentary', 'text')) ?? str(at(json, 'commentary'));
      const parent = str(at(json, 'parentUrn')) ?? str(at(json, 'rootUrn'));
      return share(text, arr(at(json, 'media')).length, parent, at(json, 'postState'), at(json, 'scheduledAt'));
    },
  ),
  rule(
    'linkedin.voyager.graphql.shares',
    ['graphql'],
    (host, segments, url) =>
      isLinkedIn(host) &&
      pathIs(segments, 'voyager', 'api', 'graphql') &&
      (url.searchParams.get('queryId') ?? '').startsWith('voyagerContentcreationDashShares'),
    ({ body }) => {
      const post = at(body.json(), 'variables', 'post');
      const media = at(post, 'media');
      const mediaCount = Array.isArray(media) ? media.length : isObject(media) ? 1 : 0;
      const parent = str(at(post, 'parentUrn')) ?? str(at(post, 'reshareContext', 'parent'));
      return share(str(at(post, 'commentary', 'text')), mediaCount, parent, at(post, 'intendedShareLifeCycleState'), at(post, 'scheduledAt'));
    },
  ),
  rule(
    'linkedin.voyager.comments',
    ['voyagersocialdashnormcomments'],
    (host, segments) => isLinkedIn(host) && pathIs(segments, 'voyager', 'api', 'voyagerSocialDashNormComments'),
    ({ body }) => {
      const json = body.json();
      const text = str(at(json, 'commentary', 'text')) ?? str(at(json, 'comment', 'text'));
      const target = str(at(json, 'threadUrn')) ?? str(at(json, 'objectUrn'));
      return single(part(text, { replyToId: target, mediaCount: at(json, 'media') ? 1 : 0 }), 'reply');
    },
    'reply',
  ),
  rule(
    'linkedin.voyager.messages',
    ['voyagermessagingdashmessengermessages'],
    (host, segments, url) =>
      isLinkedIn(host) && pathIs(segments, 'voyager', 'api', 'voyagerMessagingDashMessengerMessages') && url.searchParams.get('action') === 'createMessage',
    ({ body }) => {
      const json = body.json();
      const recipients = arr(at(json, 'hostRecipientUrns')).filter((u): u is string => typeof u === 'string');
      const to: PostDetail[] =
        recipients.length > 0
          ? recipients.map((u): PostDetail => ({ key: 'recipient', value: u }))
          : detail('recipient', at(json, 'conversationUrn') ?? at(json, 'message', 'conversationUrn'));
      return { ...single(part(str(at(json, 'message', 'body', 'text'))), 'message'), details: [...to, ...detail('actingAs', at(json, 'mailboxUrn'))] };
    },
    'message',
  ),
  rule(
    'linkedin.rest.posts',
    ['posts'],
    (host, segments) => host === 'api.linkedin.com' && pathIs(segments, 'rest', 'posts'),
    ({ body }) => {
      const json = body.json();
      // X-RestLi-Method: BATCH_CREATE sends several posts at once, as {elements: [...]}: each is a part.
      const elements = Array.isArray(at(json, 'elements')) ? arr(at(json, 'elements')) : [json];
      const reads = elements.map((element) => restPost(element)).filter((r): r is Extraction => r !== null);
      const first = reads[0];
      if (first === undefined) return null; // drafts only
      if (reads.length === 1) return first;
      const parts = reads.flatMap((r) => r.parts);
      const merged: Extraction = { ...first, parts };
      return parts.some((p) => p.text === null) ? { ...merged, unreadableReason: 'text-not-found' } : merged;
    },
  ),
  rule(
    'linkedin.rest.posts.edit',
    ['posts'],
    (host, segments) => host === 'api.linkedin.com' && pathIs(segments, 'rest', 'posts', '*'),
    ({ body }) => {
      const set = at(body.json(), 'patch', '$set');
      // Any other field set (a call to action, lifecycle, ...) is still an edit of a published post.
      return single(part(str(at(set, 'commentary')) ?? (set === undefined ? null : '')), 'edit');
    },
    'edit',
  ),
  rule(
    'linkedin.v2.ugcPosts',
    ['ugcposts'],
    (host, segments) => host === 'api.linkedin.com' && pathIs(segments, 'v2', 'ugcPosts'),
    ({ body }) => {
      const json = body.json();
      const content = at(json, 'specificContent', 'com.linkedin.ugc.ShareContent');
      return withAuthor(
        share(str(at(content, 'shareCommentary', 'text')), arr(at(content, 'media')).length, null, at(json, 'lifecycleState'), undefined),
        json,
        at(json, 'visibility', 'com.linkedin.ugc.MemberNetworkVisibility'),
      );
    },
  ),
  rule(
    'linkedin.socialActions.comments',
    ['comments'],
    (host, segments) =>
      host === 'api.linkedin.com' &&
      (pathEndsWith(segments, 'rest', 'socialActions', '*', 'comments') || pathEndsWith(segments, 'v2', 'socialActions', '*', 'comments')),
    ({ body, segments }) => {
      const json = body.json();
      const target = str(at(json, 'parentComment')) ?? str(at(json, 'object')) ?? segments[segments.length - 2] ?? null;
      return single(part(str(at(json, 'message', 'text')), { replyToId: target }), 'reply');
    },
    'reply',
  ),
];
