// Reddit: old/new web and OAuth API (comment, submit, edit, compose), the current web UI (shreddit, gql), and chat (Matrix).
import { arr, at, isObject, nestedJson, str, type JsonObject, type JsonValue } from './json-body.ts';
import { detail, hostIn, part, withQueryParams, pathEndsWith, pathIs, single, type Extraction, type PlatformRule, type RuleInput } from './rule.ts';
import type { PostAction, PostDetail } from '../gate/types.ts';

const isReddit = hostIn('reddit.com');

/** Plain text of a Reddit richtext document (`{document:[{e:'par',c:[{e:'text',t:'…'}]}]}`), paragraphs split by blank lines. */
export function richtextToText(value: JsonValue | undefined): string | null {
  const doc = at(value, 'document');
  if (!Array.isArray(doc)) return null;
  const walk = (node: JsonValue): string => {
    if (!isObject(node)) return '';
    if (typeof node['t'] === 'string') return node['t'];
    return arr(node['c'])
      .map(walk)
      .join(node['e'] === 'list' ? '\n' : '');
  };
  return doc.map(walk).join('\n\n');
}

function bodyText(record: JsonObject): string | null {
  return str(record['text']) ?? str(record['markdown']) ?? richtextToText(nestedJson(record['richtext_json']));
}

/** `r/<name>` for a subreddit, `u/<name>` for a profile (`u_<name>`, as the API names it). */
export function communityName(sr: string | null): string | null {
  if (sr === null || sr.length === 0) return null;
  const bare = sr.replace(/^\/?r\//i, '');
  return bare.startsWith('u_') ? `u/${bare.slice(2)}` : `r/${bare}`;
}

/** `u/<name>` for a user, as typed for a subreddit's modmail (`/r/<name>`, `#<name>`). */
function recipientName(to: string | null): string | null {
  if (to === null || to.length === 0) return null;
  return /^(\/?r\/|#)/i.test(to) ? to : `u/${to.replace(/^\/?u\//i, '')}`;
}

function submissionDetails(record: JsonObject): PostDetail[] {
  return [...detail('community', communityName(str(record['sr']) ?? str(record['subreddit']) ?? str(record['sr_name']))), ...detail('title', record['title'])];
}

/** Operations of Reddit's web GraphQL that publish, and the action each takes. */
const GQL_PUBLISHING: Readonly<Record<string, PostAction>> = {
  CreatePost: 'post',
  CreateProfilePost: 'post',
  CreateComment: 'reply',
  UpdatePost: 'edit',
  UpdateComment: 'edit',
  EditComment: 'edit',
  EditPost: 'edit',
};
/** Variables a Reddit write carries the words of a post in (a read never does). */
const GQL_TEXT_KEYS = new Set(['markdown', 'richtext', 'body', 'text', 'message']);

function gqlTexts(value: JsonValue | undefined, depth = 0, out: string[] = []): string[] {
  if (depth > 8 || out.length >= 20) return out;
  if (Array.isArray(value)) for (const item of value) gqlTexts(item, depth + 1, out);
  else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (GQL_TEXT_KEYS.has(key.toLowerCase()) && typeof child === 'string' && child.trim().length > 0) {
        out.push(key.toLowerCase() === 'richtext' ? (richtextToText(nestedJson(child)) ?? child) : child);
      } else gqlTexts(child, depth + 1, out);
    }
  }
  return out;
}

/**
 * One Reddit web GraphQL operation (shreddit's `{operation, variables}` or gql.reddit.com's
 * `{id, variables}`): a known publishing operation is read; drafts and reads pass; anything else whose
 * variables carry post words is held as an unrecognised publishing request.
 */
function gqlOperation(name: string | null, variables: JsonValue | undefined, persistedId: string | null = null): Extraction | null {
  const input = at(variables, 'input') ?? variables;
  const action = name !== null && Object.prototype.hasOwnProperty.call(GQL_PUBLISHING, name) ? GQL_PUBLISHING[name] : undefined;
  if (action !== undefined && name !== null) {
    const title = str(at(input, 'title'));
    const content = at(input, 'content');
    const bodyText = str(at(content, 'markdown')) ?? richtextToText(nestedJson(at(content, 'richText'))) ?? str(at(content, 'text')) ?? str(at(input, 'url'));
    const text = title !== null ? (bodyText ? `${title}\n\n${bodyText}` : title) : bodyText;
    const media = arr(at(input, 'gallery', 'items')).length || (at(input, 'image') !== undefined ? 1 : 0);
    const parent = str(at(input, 'parentId')) ?? str(at(input, 'postId'));
    const extraction = single(part(text, { mediaCount: media, replyToId: action === 'reply' ? parent : null }), action);
    const community = name === 'CreateProfilePost' ? null : communityName(str(at(input, 'subredditName')));
    return { ...extraction, rule: `reddit.graphql.${name}`, details: [...detail('community', community), ...detail('title', title)] };
  }
  if (name !== null && /draft/i.test(name)) return null; // a draft is saved, not published
  const texts = gqlTexts(variables);
  if (texts.length === 0) return null;
  return {
    action: 'post',
    parts: [part(texts.join('\n\n'))],
    rule: 'reddit.graphql.unrecognised',
    unreadableReason: 'unrecognised-request',
    details: [{ key: 'unrecognisedRequest', value: name ?? (persistedId !== null ? `persisted query ${persistedId}` : 'unnamed operation') }],
  };
}

function apiRule(endpoint: string, action: PostAction, extract: (record: JsonObject, input: RuleInput) => Extraction): PlatformRule {
  return {
    name: `reddit.api.${endpoint}`,
    platform: 'reddit',
    methods: ['POST'],
    anchors: [endpoint, `${endpoint}.json`],
    fallbackAction: action,
    matchUrl: (host, segments) => isReddit(host) && (pathIs(segments, 'api', endpoint) || pathIs(segments, 'api', `${endpoint}.json`)),
    extract: withQueryParams((record, input) => extract(record, input)),
  };
}

/** The Reddit rules. A submission's text is its title, a blank line, then its body or link. */
export const redditRules: readonly PlatformRule[] = [
  apiRule('comment', 'reply', (record) => {
    const parent = str(record['thing_id']) ?? str(record['parent']);
    // t4_ is a private message: answering it sends a message, it is not a public reply.
    return single(part(bodyText(record), { replyToId: parent }), parent?.startsWith('t4_') === true ? 'message' : 'reply');
  }),
  apiRule('submit', 'post', (record) => {
    const kind = str(record['kind']) ?? 'self';
    if (kind === 'crosspost') {
      return { action: 'repost', parts: [part(str(record['title']) ?? '', { quotedId: str(record['crosspost_fullname']) })] };
    }
    const title = str(record['title']);
    const rest = kind === 'self' ? bodyText(record) : str(record['url']);
    const text = title === null ? null : rest ? `${title}\n\n${rest}` : title;
    const extraction = single(part(text, { mediaCount: kind === 'image' || kind === 'video' || kind === 'videogif' ? 1 : 0 }), 'post');
    return { ...extraction, details: submissionDetails(record) };
  }),
  apiRule('submit_gallery_post', 'post', (record) => {
    const title = str(record['title']);
    const rest = bodyText(record);
    const extraction = single(part(title === null ? null : rest ? `${title}\n\n${rest}` : title, { mediaCount: arr(record['items']).length }), 'post');
    return { ...extraction, details: submissionDetails(record) };
  }),
  apiRule('editusertext', 'edit', (record) => single(part(bodyText(record)), 'edit')),
  apiRule('compose', 'message', (record) => {
    const subject = str(record['subject']);
    const text = bodyText(record);
    const extraction = single(part(subject !== null && text !== null ? `${subject}\n\n${text}` : text), 'message');
    return { ...extraction, details: [...detail('recipient', recipientName(str(record['to']))), ...detail('title', subject)] };
  }),
  {
    name: 'reddit.shreddit.graphql',
    platform: 'reddit',
    methods: ['POST'],
    anchors: ['graphql'],
    matchUrl: (host, segments) => isReddit(host) && pathIs(segments, 'svc', 'shreddit', 'graphql'),
    extract: ({ body }) => {
      const json = body.json();
      return gqlOperation(str(at(json, 'operation')) ?? str(at(json, 'operationName')), at(json, 'variables'));
    },
  },
  {
    name: 'reddit.gql',
    platform: 'reddit',
    methods: ['POST'],
    anchors: ['/'],
    matchUrl: (host, segments) => (host === 'gql.reddit.com' || host === 'gql-fed.reddit.com') && segments.length === 0,
    extract: ({ body }) => {
      const json = body.json();
      return gqlOperation(str(at(json, 'operationName')), at(json, 'variables'), str(at(json, 'id')));
    },
  },
  {
    name: 'reddit.chat.matrix.send',
    platform: 'reddit',
    methods: ['PUT', 'POST'],
    anchors: ['m.room.message'],
    fallbackAction: 'message',
    matchUrl: (host, segments) =>
      host === 'matrix.redditspace.com' &&
      (pathEndsWith(segments, 'rooms', '*', 'send', 'm.room.message', '*') || pathEndsWith(segments, 'rooms', '*', 'send', 'm.room.message')),
    extract: ({ body, segments }) => {
      const json = body.json();
      const room = segments[segments.findIndex((s) => s.toLowerCase() === 'send') - 1] ?? null;
      const relation = at(json, 'm.relates_to');
      const edit = str(at(relation, 'rel_type')) === 'm.replace';
      const text = edit ? (str(at(json, 'm.new_content', 'body')) ?? str(at(json, 'body'))) : str(at(json, 'body'));
      const media = ['m.image', 'm.video', 'm.file', 'm.audio'].includes(str(at(json, 'msgtype')) ?? '') ? 1 : 0;
      const p = part(media > 0 && text !== null ? '' : text, { mediaCount: media, replyToId: str(at(relation, 'm.in_reply_to', 'event_id')) });
      return { ...single(p, edit ? 'edit' : 'message'), details: detail('recipient', room) };
    },
  },
  {
    name: 'reddit.shreddit.create-comment',
    platform: 'reddit',
    methods: ['POST'],
    anchors: ['create-comment'],
    fallbackAction: 'reply',
    matchUrl: (host, segments) => isReddit(host) && pathEndsWith(segments, 'svc', 'shreddit', '*', 'create-comment'),
    extract: ({ body, segments }) => {
      const record = body.record();
      const content = nestedJson(record['content']);
      const text = typeof content === 'string' ? content : (richtextToText(content) ?? bodyText(record));
      return single(part(text, { replyToId: segments[segments.length - 2] ?? null }), 'reply');
    },
  },
];
