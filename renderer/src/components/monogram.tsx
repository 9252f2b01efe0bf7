// A round avatar with the account's initials on its colour, text colour picked for contrast.
import type { Account } from '../../../shared/accounts/account.ts';
import { readableTextColor } from '../../../shared/accounts/contrast.ts';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return (
    letters
      .map((word) => Array.from(word ?? '')[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

export function Monogram({ account, size = 36 }: { account: Account; size?: number }) {
  return (
    <span
      className={`monogram${account.kind === 'brand' ? ' monogram-brand' : ''}`}
      style={{ background: account.color, color: readableTextColor(account.color), width: size, height: size }}
      aria-hidden="true"
    >
      {initials(account.name)}
    </span>
  );
}
