// Seeded reply lines for dashboard tests: many accounts, platforms and response times, reproducible run to run.
import { randomUUID } from 'node:crypto';
import type { Account } from '../../../shared/accounts/account.ts';
import type { ReplyLine } from '../../../shared/log/entry-schema.ts';
import type { AppHarness } from './app-harness.ts';

const MINUTE = 60_000;

/** Replies spread over 30 days, the given accounts, four platforms, response times from seconds to two days; every 25th unknown. */
export function seedLines(accounts: Account[], count: number, now = Date.now()): ReplyLine[] {
  const platforms = ['x', 'mastodon', 'bluesky', 'linkedin'] as const;
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return Array.from({ length: count }, (_, i) => {
    const account = accounts[i % accounts.length] as Account;
    const sent = now - Math.floor(random() * 30 * 24 * 60) * MINUTE;
    // Mostly quick, a long tail: the shape real inboxes have.
    const wait = Math.floor(random() ** 3 * 48 * 60 * MINUTE) + 20_000;
    const unknown = i % 25 === 0;
    return {
      v: 1,
      type: 'reply',
      id: randomUUID(),
      account: { id: account.id, handle: account.handle, name: account.name, kind: account.kind },
      platform: platforms[i % platforms.length] as ReplyLine['platform'],
      replyToId: String(1_800_000_000_000_000_000n + BigInt(i)),
      targetCreatedAt: unknown ? null : new Date(sent - wait).toISOString(),
      startSource: unknown ? 'unknown' : 'decoded',
      sentAt: new Date(sent).toISOString(),
      responseMs: unknown ? null : wait,
      excerpt: `Thanks for reaching out — we are on it (#${i})`,
    } satisfies ReplyLine;
  });
}

/** Two brand accounts and a personal one, with `count` seeded replies between them: the 400-entry dashboard. */
export async function seedDashboard(app: AppHarness, count: number): Promise<Account[]> {
  const accounts = [
    app.services.accounts.create({ name: 'Acme Coffee', handle: 'acme', platform: 'x', kind: 'brand', color: '#b91c1c' }),
    app.services.accounts.create({
      name: 'Acme Social',
      handle: 'acme@mastodon.social',
      platform: 'mastodon',
      instance: 'mastodon.social',
      kind: 'brand',
      color: '#7c3aed',
    }),
    app.services.accounts.create({ name: 'Ada Lovelace', handle: 'ada.bsky.social', platform: 'bluesky', kind: 'personal', color: '#047857' }),
  ];
  await app.services.log.appendLines(seedLines(accounts, count));
  return accounts;
}
