// Facebook web: /api/graphql/ form posts, recognised by `fb_api_req_friendly_name` (posts and comments).
import { arr, at, nestedJson, str, type JsonValue } from './json-body.ts';
import { hostIn, part, pathIs, single, type Extraction, type PlatformRule } from './rule.ts';
import { UnreadableBodyError } from './request-body.ts';

const isFacebook = hostIn('facebook.com');

/** Friendly names of the mutations that publish, and how to read each. */
const MUTATIONS: Readonly<Record<string, (vars: JsonValue | undefined) => Extraction>> = {
  ComposerStoryCreateMutation: (vars) =>
    single(part(str(at(vars, 'input', 'message', 'text')), { mediaCount: arr(at(vars, 'input', 'attachments')).length })),
  CometUFICreateCommentMutation: comment,
  useCometUFICreateCommentMutation: comment,
};

function comment(vars: JsonValue | undefined): Extraction {
  const input = at(vars, 'input');
  return single(
    part(str(at(input, 'message', 'text')), {
      replyToId: str(at(input, 'feedback_id')),
      mediaCount: arr(at(input, 'attachments')).length,
    }),
    'reply',
  );
}

/** The Facebook rules. A /api/graphql/ POST with no friendly name cannot be told apart: it is held unread. */
export const facebookRules: readonly PlatformRule[] = [
  {
    name: 'facebook.graphql',
    platform: 'facebook',
    methods: ['POST'],
    anchors: ['graphql'],
    matchUrl: (host, segments) => isFacebook(host) && pathIs(segments, 'api', 'graphql'),
    extract: ({ body }) => {
      const form = body.form();
      const name = form.get('fb_api_req_friendly_name');
      if (name === null) throw new UnreadableBodyError('unknown-operation');
      const read = Object.prototype.hasOwnProperty.call(MUTATIONS, name) ? MUTATIONS[name] : undefined;
      if (read === undefined) return null;
      return { ...read(nestedJson(form.get('variables') ?? undefined)), rule: `facebook.graphql.${name}` };
    },
  },
];
