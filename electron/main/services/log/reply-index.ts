// The folded response-time entries held column-wise in typed arrays, so a million of them load, filter and
// summarise without an object per entry; rows are materialised only for the page or export being built.
import { PLATFORM_IDS, type PlatformId } from '../../../../shared/platforms/platform-id.ts';
import { START_SOURCES, rereadStoredLine, type AccountRef, type HistoryLine, type ReplyLine, type StartSource } from '../../../../shared/log/entry-schema.ts';
import { accountMatches, type CompiledFilter } from '../../../../shared/log/model.ts';
import { parseIsoMs } from '../../../../shared/log/iso-time.ts';
import type { ReplyScan } from '../../../../shared/log/reply-scan.ts';
import { scannedCorrection, type CorrectionScan } from '../../../../shared/log/line-scan.ts';
import { scannedAccountRef, type ScannedText } from '../../../../shared/log/json-bytes.ts';
import { IdTable, StringColumn, hashBytes, hashText } from './string-column.ts';
import { grownTo } from './typed-arrays.ts';

const PLATFORM_INDEX = new Map<string, number>(PLATFORM_IDS.map((id, i) => [id, i]));
const SOURCE_INDEX = new Map<string, number>(START_SOURCES.map((id, i) => [id, i]));
const MANUAL = START_SOURCES.indexOf('manual');

/** How many leading bytes of an account object key its variants (with its length): past `{"id":"`, most of the id. */
const ACCOUNT_KEY_BYTES = 32;

// Where each field of a reply line lives here. A field added to replyLineSchema does not compile until it is given a
// column (or a reason it needs none); tests/unit/services/log/reply-fields.test.ts checks each one comes back out.
const _columns = {
  v: 'none: one schema version per file format',
  type: 'none: every entry here is a reply',
  id: 'ids',
  account: 'accountVariant → variants',
  platform: 'platform',
  replyToId: 'replyToIds',
  targetCreatedAt: 'targetMs',
  startSource: 'source',
  sentAt: 'sentMs',
  responseMs: 'none: recomputed from startMs and sentMs (a correction changes it)',
  excerpt: 'excerpts',
} as const satisfies { readonly [K in keyof ReplyLine]-?: string };

/** Column store of reply entries plus their history; one index per entry, in file order. */
export class ReplyIndex {
  count = 0;
  /** Entry strings as UTF-8 pages (see StringColumn): read them with idOf, replyToIdOf, excerptOf. */
  private readonly ids = new StringColumn();
  private readonly replyToIds = new StringColumn();
  private readonly excerpts = new StringColumn();
  /** Interned account variant per entry (handle or name may change over time; each variant is kept as written). */
  accountVariant = new Uint32Array(0);
  /** The account group (index into `groups`) per entry, for summaries. */
  accountGroup = new Uint32Array(0);
  platform = new Uint8Array(0);
  source = new Uint8Array(0);
  deleted = new Uint8Array(0);
  /** Start as first recorded (NaN = none). */
  targetMs = new Float64Array(0);
  /** Start in effect after corrections (NaN = unknown). */
  startMs = new Float64Array(0);
  sentMs = new Float64Array(0);
  /**
   * Corrections and deletions as their JSON text (a busy log holds a hundred thousand, rarely shown), chained per
   * entry: the latest line of entry i is `historyLast[i]`, the one before a line k is `historyPrev[k]` (-1: none).
   */
  private readonly historyText = new StringColumn();
  private historyLast = new Int32Array(0);
  private historyPrev = new Int32Array(1024);
  /** Entry index by id (Map-like get/has). */
  readonly byId = new IdTable(this.ids);

  /** Account variants as written, and the account group (by id) each belongs to. */
  readonly variants: AccountRef[] = [];
  readonly variantGroup: number[] = [];
  /** One representative per account id (the latest variant seen), for summaries and filters. */
  readonly groups: AccountRef[] = [];
  private readonly variantKeys = new Map<string, number>();
  private readonly groupOfId = new Map<string, number>();
  /** Raw account-object bytes already seen while loading, by hash: identical bytes are the same variant. */
  private readonly accountBytes = new Map<number, Array<{ bytes: Buffer; variant: number }>>();
  private readonly orphans = new Map<string, HistoryLine[]>();
  /** The hashes (hashText) of the orphans' target ids, so a new entry is looked up only when its id may be one. */
  private readonly orphanHashes = new Set<number>();
  /** True while entries were appended in non-decreasing sentAt order: the file order is the time order. */
  private inOrder = true;
  private order: Uint32Array | null = null;

  idOf(i: number): string {
    return this.ids.get(i) ?? '';
  }

  replyToIdOf(i: number): string {
    return this.replyToIds.get(i) ?? '';
  }

  excerptOf(i: number): string | null {
    return this.excerpts.get(i);
  }

  private reserve(size: number): void {
    if (size <= this.sentMs.length) return;
    this.accountVariant = grownTo(this.accountVariant, size);
    this.accountGroup = grownTo(this.accountGroup, size);
    this.platform = grownTo(this.platform, size);
    this.source = grownTo(this.source, size);
    this.deleted = grownTo(this.deleted, size);
    this.targetMs = grownTo(this.targetMs, size);
    this.startMs = grownTo(this.startMs, size);
    this.sentMs = grownTo(this.sentMs, size);
    this.historyLast = grownTo(this.historyLast, this.sentMs.length, -1);
  }

  /** Adds a reply line; returns its index, or -1 when an entry with that id already exists (kept first). */
  addReply(line: ReplyLine): number {
    if (this.byId.has(line.id)) return -1;
    const i = this.count;
    this.reserve(i + 1);
    this.ids.push(line.id);
    this.replyToIds.push(line.replyToId);
    this.excerpts.push(line.excerpt);
    const target = line.targetCreatedAt === null ? NaN : parseIsoMs(line.targetCreatedAt);
    this.fill(i, this.intern(line.account), PLATFORM_INDEX.get(line.platform) ?? 0, SOURCE_INDEX.get(line.startSource) ?? 0, target, parseIsoMs(line.sentAt));
    return i;
  }

  /** Adds a reply line read by scanReplyLine from `b` (the loader's fast path); same result as addReply. */
  addScanned(b: Uint8Array, scan: ReplyScan): number {
    const id = scan.id;
    // The id's hash, computed once here for the lookup, the table and the orphans (-1: let the column hash it).
    let h = -1;
    if (id.decoded === null) {
      h = hashBytes(b, id.start, id.end);
      if (this.byId.findBytes(b, id.start, id.end, h) >= 0) return -1;
    } else if (this.byId.has(id.decoded)) return -1;
    const i = this.count;
    this.reserve(i + 1);
    this.pushText(this.ids, b, id);
    this.pushText(this.replyToIds, b, scan.replyToId);
    if (scan.excerptNull) this.excerpts.push(null);
    else this.pushText(this.excerpts, b, scan.excerpt);
    this.fill(i, this.internBytes(b, scan), scan.platform, scan.source, scan.targetMs, scan.sentMs, h);
    return i;
  }

  private pushText(column: StringColumn, b: Uint8Array, text: ScannedText): void {
    if (text.decoded === null) column.pushBytes(b, text.start, text.end);
    else column.push(text.decoded);
  }

  /** `h` is the hash of the id's bytes as the id column holds them, when the caller has it (else -1). */
  private fill(i: number, variant: number, platform: number, source: number, target: number, sent: number, h = -1): void {
    this.accountVariant[i] = variant;
    this.accountGroup[i] = this.variantGroup[variant] as number;
    this.platform[i] = platform;
    this.source[i] = source;
    this.deleted[i] = 0;
    this.targetMs[i] = target;
    this.startMs[i] = target;
    if (i > 0 && sent < (this.sentMs[i - 1] as number)) this.inOrder = false;
    this.sentMs[i] = sent;
    this.byId.insert(i, h);
    this.count = i + 1;
    this.order = null;
    // Decoding every new entry's id to look it up would cost a string per line while any orphan waits.
    if (this.orphans.size === 0 || !this.orphanHashes.has(h >= 0 ? h : this.ids.hashOf(i))) return;
    const id = this.idOf(i);
    const waiting = this.orphans.get(id);
    if (waiting) {
      this.orphans.delete(id);
      for (const history of waiting) this.applyHistory(history);
    }
  }

  private internBytes(b: Uint8Array, scan: ReplyScan): number {
    const start = scan.account.start;
    const end = scan.account.end;
    // A log names a handful of accounts: the first bytes and the length tell them apart, and a native compare confirms.
    const h = (hashBytes(b, start, Math.min(end, start + ACCOUNT_KEY_BYTES)) ^ Math.imul(end - start, 0x9e3779b1)) >>> 0;
    let seen = this.accountBytes.get(h);
    if (seen) for (const known of seen) if (known.bytes.compare(b, start, end) === 0) return known.variant;
    const variant = this.intern(scannedAccountRef(b, scan.account));
    if (!seen) this.accountBytes.set(h, (seen = []));
    seen.push({ bytes: Buffer.from(b.subarray(start, end)), variant });
    return variant;
  }

  /**
   * Applies a correction or deletion whose JSON is `bytes[start, end)` (a line that waited for its entry has only
   * its object: it is written out again); one aimed at an entry not seen yet waits for it (lines may arrive out of order).
   */
  applyHistory(line: HistoryLine, bytes: Uint8Array = Buffer.from(JSON.stringify(line), 'utf8'), start = 0, end = bytes.length): number {
    const i = this.byId.get(line.targetId);
    if (i === undefined) {
      this.wait(line);
      return -1;
    }
    this.record(i, line.type === 'correction' ? parseIsoMs(line.receivedAt) : null, bytes, start, end);
    return i;
  }

  /** Applies a correction read by scanCorrectionLine from `b[start, end)`; same result as applyHistory (the entry's index, or -1). */
  applyScannedCorrection(b: Uint8Array, start: number, end: number, scan: CorrectionScan): number {
    const target = scan.targetId;
    const i =
      target.decoded === null
        ? this.byId.findBytes(b, target.start, target.end, hashBytes(b, target.start, target.end))
        : (this.byId.get(target.decoded) ?? -1);
    if (i < 0) this.wait(scannedCorrection(b, scan));
    else this.record(i, scan.receivedMs, b, start, end);
    return i;
  }

  /** The corrections and deletions of entry i, oldest first. */
  historyOf(i: number): HistoryLine[] {
    const lines: HistoryLine[] = [];
    for (let k = this.historyLast[i] ?? -1; k >= 0; k = this.historyPrev[k] as number) {
      lines.push(rereadStoredLine(this.historyText.get(k) ?? '', 'correction', 'deletion'));
    }
    return lines.reverse();
  }

  /** Adds a history line (`bytes[start, end)`) to entry i: a correction (its new start, `receivedMs`) or a deletion (null). */
  private record(i: number, receivedMs: number | null, bytes: Uint8Array, start: number, end: number): void {
    const k = this.historyText.pushBytes(bytes, start, end);
    this.historyPrev = grownTo(this.historyPrev, k + 1);
    this.historyPrev[k] = this.historyLast[i] as number;
    this.historyLast[i] = k;
    if (receivedMs === null) {
      this.deleted[i] = 1;
    } else {
      this.startMs[i] = receivedMs;
      this.source[i] = MANUAL;
    }
  }

  private wait(line: HistoryLine): void {
    const waiting = this.orphans.get(line.targetId) ?? [];
    waiting.push(line);
    this.orphans.set(line.targetId, waiting);
    this.orphanHashes.add(hashText(line.targetId));
  }

  private intern(account: AccountRef): number {
    // Lengths first, then the fields: unambiguous even when a field holds the separator a joined key would use.
    const key = `${account.id.length}:${account.handle.length}:${account.name.length}:${account.id}${account.handle}${account.name}${account.kind}`;
    const known = this.variantKeys.get(key);
    if (known !== undefined) return known;
    const variant = this.variants.length;
    this.variants.push(account);
    this.variantKeys.set(key, variant);
    let group = this.groupOfId.get(account.id);
    if (group === undefined) {
      group = this.groups.length;
      this.groupOfId.set(account.id, group);
      this.groups.push(account);
    } else {
      this.groups[group] = account;
    }
    this.variantGroup.push(group);
    return variant;
  }

  accountOf(i: number): AccountRef {
    return this.variants[this.accountVariant[i] as number] as AccountRef;
  }

  platformOf(i: number): PlatformId {
    return PLATFORM_IDS[this.platform[i] as number] as PlatformId;
  }

  sourceOf(i: number): StartSource {
    return START_SOURCES[this.source[i] as number] as StartSource;
  }

  /** Entry indices in ascending sentAt order (file order when already sorted; cached otherwise). */
  timeOrder(): Uint32Array {
    if (this.order !== null && this.order.length === this.count) return this.order;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = i;
    if (!this.inOrder) {
      const sent = this.sentMs;
      order.sort((a, b) => (sent[a] as number) - (sent[b] as number) || a - b);
    }
    this.order = order;
    return order;
  }

  /** Live entries matching the filter, ascending by sentAt. */
  select(filter: CompiledFilter): Uint32Array {
    const order = this.timeOrder();
    // Decide the account part once per variant rather than once per entry.
    const variantOk = Uint8Array.from(this.variants, (account) => (accountMatches(filter, account) ? 1 : 0));
    const platformOk = new Uint8Array(PLATFORM_IDS.length);
    PLATFORM_IDS.forEach((id, k) => (platformOk[k] = filter.platforms === null || filter.platforms.has(id) ? 1 : 0));
    const out = new Uint32Array(this.count);
    let m = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      if (this.deleted[i] === 1) continue;
      const sent = this.sentMs[i] as number;
      if (sent < filter.fromMs || sent >= filter.toMs) continue;
      if (variantOk[this.accountVariant[i] as number] !== 1) continue;
      if (platformOk[this.platform[i] as number] !== 1) continue;
      out[m++] = i;
    }
    return out.subarray(0, m);
  }
}
