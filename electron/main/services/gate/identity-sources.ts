// Who is posting, from what the request's headers and the session show beside the body the classifier read.
import type { ClassifiedPost, PostDetail } from '../../../../shared/gate/types.ts';

/** The poster identity of one held request, and the facts the dialog shows about it. */
export interface PosterIdentity {
  identity: string | null;
  details: PostDetail[];
}

/** Hex characters of the token's SHA-256 kept: enough to tell accounts apart, useless to replay. */
const FINGERPRINT_LENGTH = 16;

function header(headers: Readonly<Record<string, string>> | undefined, name: string): string | null {
  if (headers === undefined) return null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return null;
}

/**
 * The identity a request posts as. In order:
 * - X: the delegation header `x-act-as-user-id` names the account the post is published as (a manager
 *   with delegated access posts as another account than the one logged in); shown as "acting as".
 * - Mastodon: the server alone cannot tell two accounts on it apart; the account is the bearer token's
 *   (Authorization header), so the identity is the server plus a SHA-256 prefix of the token.
 * - Otherwise what the session shows (the X `twid` cookie), then what the body names (a Bluesky repo).
 */
export function posterIdentity(
  post: Pick<ClassifiedPost, 'platform' | 'identity'>,
  headers: Readonly<Record<string, string>> | undefined,
  sessionIdentity: string | null,
  hash: (text: string) => string,
): PosterIdentity {
  if (post.platform === 'x') {
    const actAs = header(headers, 'x-act-as-user-id')?.trim() ?? '';
    if (/^\d+$/.test(actAs)) {
      const identity = `x:${actAs}`;
      return { identity, details: [{ key: 'actingAs', value: identity }] };
    }
  }
  if (post.platform === 'mastodon' && post.identity !== null) {
    const token = /^\s*bearer\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '')?.[1];
    if (token !== undefined) return { identity: `${post.identity}/token:${hash(token).slice(0, FINGERPRINT_LENGTH)}`, details: [] };
  }
  return { identity: sessionIdentity ?? post.identity ?? null, details: [] };
}
