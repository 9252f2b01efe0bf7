// Who is posting, from what the request's headers and the session show beside the body the classifier read.
import type { ClassifiedPost } from '../../../../shared/gate/types.ts';
import { headerValue } from '../../../../shared/platforms/request-body.ts';

/** Hex characters of the token's SHA-256 kept: enough to tell accounts apart, useless to replay. */
const FINGERPRINT_LENGTH = 16;

/**
 * The identity a request posts as. In order:
 * - X: the classifier reads the delegation header `x-act-as-user-id` (a manager with delegated access posts
 *   as another account than the one logged in) into the post's identity and an "acting as" detail; without
 *   it, the logged-in account of the session (the `twid` cookie).
 * - Mastodon: the server alone cannot tell two accounts on it apart; the account is the bearer token's
 *   (Authorization header), so the identity is the server plus a SHA-256 prefix of the token.
 * - Otherwise what the session shows, then what the body names (a Bluesky repo).
 */
export function posterIdentity(
  post: Pick<ClassifiedPost, 'platform' | 'identity'>,
  headers: Readonly<Record<string, string>> | undefined,
  sessionIdentity: string | null,
  hash: (text: string) => string,
): string | null {
  if (post.platform === 'x') return post.identity ?? sessionIdentity;
  if (post.platform === 'mastodon' && post.identity !== null) {
    const token = /^\s*bearer\s+(\S+)\s*$/i.exec(headerValue(headers, 'authorization'))?.[1];
    if (token !== undefined) return `${post.identity}/token:${hash(token).slice(0, FINGERPRINT_LENGTH)}`;
  }
  return sessionIdentity ?? post.identity ?? null;
}
