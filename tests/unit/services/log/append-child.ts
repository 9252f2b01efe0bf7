// Child process for the durability test: appends reply entries in a loop and prints each id once its fsync resolved.
import { LogService } from '../../../../electron/main/services/log/log-service.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: append-child.ts <log file>');
let n = 0;
const log = await LogService.open(file, { decodeItemTime: () => null, newId: () => `c${++n}` });
const account = { id: 'acc', handle: 'acme', name: 'Acme', kind: 'brand' as const };
for (;;) {
  // Several appends in flight at once, like a busy app: exercises group commit under the kill.
  const batch = Array.from({ length: 8 }, () => log.recordReply({ account, platform: 'x', replyToId: 'item', sentAt: new Date(), excerpt: 'x'.repeat(400) }));
  const ids = await Promise.all(batch);
  process.stdout.write(ids.join('\n') + '\n');
}
