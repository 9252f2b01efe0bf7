// Reddit: old/new web and OAuth API (comment, submit, edit, compose), plus shreddit's create-comment.
import { arr, at, isObject, nestedJson, str, type JsonObject, type JsonValue } from './json-body.ts';
import { detail, hostIn, part, pathEndsWith, pathIs, single, type Extraction, type PlatformRule, type RuleInput } from './rule.ts';
import type { PostAction, PostDetail } from '../gate/types.ts';

const isReddit = hostIn('reddit.com');

/** Plain text of a Reddit richtext document (`{document:[{e:'par',c:[{e:'text',t:'…'}]}]}`), paragraphs split by blank lines. */
export function richtextToText(value: JsonValue | undefined): string | null {
  const doc = at(value, 'document');
  if (!Array.isArray(doc)) return null;
  const walk = (node: JsonValue): string => {
    if (!isObject(node)) return '';
    if (typeof node['t'] === 'string') return node['t'];
    return arr(node['c']).map(walk).join(node['e'] === 'list' ? '\n' : '');
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

function apiRule(endpoint: string, action: PostAction, extract: (record: JsonObject, input: RuleInput) => Extraction): PlatformRule {
  return {
    name: `reddit.api.${endpoint}`,
    platform: 'reddit',
    methods: ['POST'],
    anchors: [endpoint, `${endpoint}.json`],
    fallbackAction: action,
    matchUrl: (host, segments) => isReddit(host) && (pathIs(segments, 'api', endpoint) || pathIs(segments, 'api', `${endpoint}.json`)),
    extract: (input) => extract(input.body.record(), input),
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
