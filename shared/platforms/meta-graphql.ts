// Meta's Relay GraphQL endpoints (Facebook, Instagram, Threads): what the server runs (doc_id), and user text in unknown mutations.
import { isObject, nestedJson, type JsonValue } from './json-body.ts';
import { headerValue, type FormFields } from './request-body.ts';
import { part, pathIs, type Extraction, type PlatformRule } from './rule.ts';

/** One GraphQL operation as a Relay client sends it: the persisted query the server runs, its label, its variables. */
export interface MetaOperation {
  /** The persisted query the server runs (`doc_id`); null when absent. */
  docId: string | null;
  /** The label the client chose (`fb_api_req_friendly_name` or the `x-fb-friendly-name` header); null when absent. */
  label: string | null;
  variables: JsonValue | undefined;
}

/** The operation of a /api/graphql/ form body. */
export function operationOf(form: FormFields, headers: Readonly<Record<string, string>> | undefined): MetaOperation {
  const header = headerValue(headers, 'x-fb-friendly-name');
  return {
    docId: form.get('doc_id'),
    label: form.get('fb_api_req_friendly_name') ?? (header.length > 0 ? header : null),
    variables: nestedJson(form.get('variables') ?? undefined),
  };
}

/**
 * The operations of a /api/graphqlbatch/ body: `queries={"o0":{"doc_id":…,"query_params":{…}},…}`,
 * in key order. Throws (caught as unreadable, held) when `queries` is not a JSON object.
 */
export function batchOperationsOf(form: FormFields): MetaOperation[] {
  const queries = nestedJson(form.get('queries') ?? undefined);
  if (!isObject(queries)) {
    const single = form.get('doc_id');
    return single === null ? [] : [{ docId: single, label: form.get('fb_api_req_friendly_name'), variables: nestedJson(form.get('variables') ?? undefined) }];
  }
  return Object.keys(queries).map((key) => {
    const entry = queries[key];
    const docId = isObject(entry) ? (entry['doc_id'] ?? entry['doc']) : undefined;
    const params = isObject(entry) ? (entry['query_params'] ?? entry['variables']) : undefined;
    return { docId: typeof docId === 'string' ? docId : null, label: null, variables: nestedJson(params) };
  });
}

/** Variable names that carry words a person typed, across Meta's mutations. */
const USER_TEXT_KEYS = new Set(['message', 'text', 'comment_text', 'caption', 'body', 'status', 'content', 'title', 'description', 'story_text', 'reply_text']);
/** Of those, the ones a read (a search, a typeahead) never carries; a label saying "Query" keeps only these. */
const WRITE_TEXT_KEYS = new Set(['message', 'comment_text', 'caption', 'body', 'status', 'story_text', 'reply_text']);

/**
 * Every non-empty string under a user-text key in `value` (depth-limited), in document order.
 * `writeOnly` keeps the keys a read never uses.
 */
export function userTextsIn(value: JsonValue | undefined, writeOnly = false, depth = 0, under = false, out: string[] = []): string[] {
  if (depth > 8 || out.length >= 20) return out;
  if (typeof value === 'string') {
    if (under && value.trim().length > 0) out.push(value);
    return out;
  }
  if (Array.isArray(value)) {
    for (const item of value) userTextsIn(item, writeOnly, depth + 1, under, out);
    return out;
  }
  if (!isObject(value)) return out;
  for (const key of Object.keys(value)) {
    const keys = writeOnly ? WRITE_TEXT_KEYS : USER_TEXT_KEYS;
    userTextsIn(value[key], writeOnly, depth + 1, under || keys.has(key.toLowerCase()), out);
  }
  return out;
}

/** True when a label names a read (Relay names reads `…Query`, writes `…Mutation`). */
export function labelIsQuery(label: string | null): boolean {
  return label !== null && /Query$/.test(label) && !/Mutation/.test(label);
}

/**
 * The hold for a GraphQL operation Hatrack does not know whose variables carry user text: shown as
 * "unrecognised publishing request" with the operation and every text found, never let through unseen.
 * Null when the variables carry no such text.
 */
export function unrecognised(op: MetaOperation): Extraction | null {
  const texts = userTextsIn(op.variables, labelIsQuery(op.label));
  if (texts.length === 0) return null;
  const what = `${op.label ?? 'unnamed operation'}${op.docId !== null ? ` (doc_id ${op.docId})` : ''}`;
  return {
    action: 'post',
    parts: [part(texts.join('\n\n'))],
    details: [{ key: 'unrecognisedRequest', value: what }],
    unreadableReason: 'unrecognised-request',
  };
}

/**
 * A rule for Instagram's or Threads' web GraphQL (`/api/graphql`, `/graphql/query`): Hatrack reads their
 * posts through their REST endpoints, so here it holds only unknown operations carrying user text.
 */
export function metaGraphqlRule(platform: 'instagram' | 'threads', isHost: (host: string) => boolean): PlatformRule {
  return {
    name: `${platform}.graphql`,
    platform,
    methods: ['POST'],
    anchors: ['graphql', 'query'],
    matchUrl: (host, segments) => isHost(host) && (pathIs(segments, 'api', 'graphql') || pathIs(segments, 'graphql', 'query')),
    extract: ({ body }) => {
      const held = body.isJson() ? null : unrecognised(operationOf(body.form(), body.headers()));
      return held === null ? null : { ...held, rule: `${platform}.graphql.unrecognised` };
    },
  };
}
