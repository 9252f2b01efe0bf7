// Facebook web: /api/graphql/ and /api/graphqlbatch/ form posts, decided by the persisted query the server runs (doc_id) and its label.
import { arr, at, str, type JsonValue } from './json-body.ts';
import { hostIn, part, pathIs, single, type Extraction, type PlatformRule } from './rule.ts';
import { UnreadableBodyError, type FormFields } from './request-body.ts';
import { batchOperationsOf, operationOf, unrecognised, type MetaOperation } from './meta-graphql.ts';
import type { PostDetail, PostPart } from '../gate/types.ts';
import { base64Bytes } from '../gate/media/base64.ts';

const isFacebook = hostIn('facebook.com');

/**
 * The post a Facebook `feedback_id` names: base64 of `feedback:<post>` or, for a comment, `feedback:<post>_<comment>`,
 * so a reply names its direct parent. Anything else comes back as sent.
 */
export function feedbackTarget(feedbackId: string | null): string | null {
  if (feedbackId === null) return null;
  const bytes = base64Bytes(feedbackId);
  // Not base64, or not a feedback ID: keep it as sent.
  const match = bytes === null ? null : /^feedback:(\d+(?:_\d+)?)$/.exec(new TextDecoder().decode(bytes));
  return match?.[1] ?? feedbackId;
}

/** Friendly names of the mutations that publish, and how to read each. */
const MUTATIONS: Readonly<Record<string, (vars: JsonValue | undefined) => Extraction>> = {
  ComposerStoryCreateMutation: (vars) => {
    const input = at(vars, 'input');
    return single(part(str(at(input, 'message', 'text')), { mediaCount: arr(at(input, 'attachments')).length }));
  },
  CometUFICreateCommentMutation: comment,
  useCometUFICreateCommentMutation: comment,
};

/**
 * Persisted queries known by their doc_id, with the operation they run. The server runs the doc_id,
 * whatever label the client put beside it, so a known doc_id decides. Source: NeoKEX/neokex-fca
 * FACEBOOK_DOC_IDS.md (verified Nov 10, 2025). Facebook rotates them: an unknown doc_id falls back to the
 * label, and to the user-text check for anything not known to publish.
 */
const KNOWN_DOC_IDS: Readonly<Record<string, string>> = {
  '6993516810709754': 'useCometUFICreateCommentMutation',
  '28939050904374351': 'ComposerStoryCreateMutation',
  '5494309793948992': 'CometUFIFeedbackReactMutation',
  '25472099855769847': 'CometUserFollowMutation',
};

function comment(vars: JsonValue | undefined): Extraction {
  const input = at(vars, 'input');
  return single(
    part(str(at(input, 'message', 'text')), {
      replyToId: feedbackTarget(str(at(input, 'feedback_id'))),
      mediaCount: arr(at(input, 'attachments')).length,
    }),
    'reply',
  );
}

function own<T>(table: Readonly<Record<string, T>>, key: string | null): T | undefined {
  return key !== null && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** One operation: a publishing mutation's reading, an unrecognised hold, or null (known not to publish). */
function readOperation(op: MetaOperation): (Extraction & { rule: string }) | null {
  const byDoc = own(KNOWN_DOC_IDS, op.docId);
  const name = byDoc ?? op.label;
  const read = own(MUTATIONS, name);
  if (read !== undefined && name !== null) return { ...read(op.variables), rule: `facebook.graphql.${name}` };
  if (byDoc !== undefined) return null; // the server runs a query known not to publish
  const held = unrecognised(op);
  if (held !== null) return { ...held, rule: 'facebook.graphql.unrecognised' };
  if (op.label === null) throw new UnreadableBodyError('unknown-operation');
  return null;
}

/** Who posts: `av` is the acting profile or Page, `__user` the logged-in person. */
function actor(form: FormFields): { identity: string | null; details: PostDetail[] } {
  const av = form.get('av');
  const user = form.get('__user');
  const acting = av ?? user;
  if (acting === null || acting === '0') return { identity: null, details: [] };
  const value = user !== null && av !== null && user !== av ? `${av} (logged in as ${user})` : acting;
  return { identity: `facebook:${acting}`, details: [{ key: 'actingAs', value }] };
}

function withActor(extraction: Extraction, form: FormFields): Extraction {
  const who = actor(form);
  return { ...extraction, identity: who.identity, details: [...who.details, ...(extraction.details ?? [])] };
}

/** The Facebook rules. A /api/graphql/ POST with neither a label nor a known doc_id nor user text cannot be told apart: held unread. */
export const facebookRules: readonly PlatformRule[] = [
  {
    name: 'facebook.graphql',
    platform: 'facebook',
    methods: ['POST'],
    anchors: ['graphql'],
    matchUrl: (host, segments) => isFacebook(host) && pathIs(segments, 'api', 'graphql'),
    extract: ({ body }) => {
      const form = body.form();
      const read = readOperation(operationOf(form, undefined));
      return read === null ? null : withActor(read, form);
    },
  },
  {
    name: 'facebook.graphqlbatch',
    platform: 'facebook',
    methods: ['POST'],
    anchors: ['graphqlbatch'],
    matchUrl: (host, segments) => isFacebook(host) && pathIs(segments, 'api', 'graphqlbatch'),
    extract: ({ body }) => {
      const form = body.form();
      const ops = batchOperationsOf(form);
      if (ops.length === 0) throw new UnreadableBodyError('unknown-operation');
      const reads = ops.map(readOperation).filter((r): r is Extraction & { rule: string } => r !== null);
      const first = reads[0];
      if (first === undefined) return null;
      const parts: PostPart[] = reads.flatMap((r) => r.parts);
      const reason = reads.find((r) => r.unreadableReason !== undefined)?.unreadableReason;
      const merged: Extraction = {
        action: first.action,
        parts,
        rule: reads.length === 1 ? first.rule.replace('facebook.graphql.', 'facebook.graphqlbatch.') : 'facebook.graphqlbatch',
        details: reads.flatMap((r) => r.details ?? []),
      };
      if (reason !== undefined) merged.unreadableReason = reason;
      return withActor(merged, form);
    },
  },
];
