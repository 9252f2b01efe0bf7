// Strings of a million entries kept as UTF-8 bytes in large pages instead of a million heap strings (which
// the GC would copy and trace on every load), decoded only for the rows actually shown or exported; and an
// id → entry hash table over those bytes, replacing a million-key Map.
import { grownTo } from './typed-arrays.ts';

const PAGE = 1 << 22;
/** Positions are page * SLOT + offset, so an oversized page (one huge value) cannot spill into the next. */
const SLOT = 2 ** 32;
/** Length marks: no value (null) and "kept as a JS string" (values with lone surrogates do not survive UTF-8). */
const NULL = -1;
const SIDE = -2;
const LONE_SURROGATE = /[\uD800-\uDFFF]/;

function wellFormed(value: string): boolean {
  if (!LONE_SURROGATE.test(value)) return true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** An append-only column of nullable strings, one per entry index. */
export class StringColumn {
  private readonly pages: Buffer[] = [Buffer.allocUnsafe(PAGE)];
  private used = 0;
  private at = new Float64Array(1024);
  private len = new Int32Array(1024);
  private readonly side = new Map<number, string>();
  count = 0;

  private slot(): number {
    const i = this.count++;
    if (i >= this.at.length) {
      this.at = grownTo(this.at, i + 1);
      this.len = grownTo(this.len, i + 1);
    }
    return i;
  }

  private room(bytes: number): Buffer {
    let page = this.pages[this.pages.length - 1] as Buffer;
    if (this.used + bytes > page.length) {
      page = Buffer.allocUnsafe(Math.max(PAGE, bytes));
      this.pages.push(page);
      this.used = 0;
    }
    return page;
  }

  /** Appends the value whose UTF-8 bytes are `bytes[start, end)`. */
  pushBytes(bytes: Uint8Array, start: number, end: number): number {
    const i = this.slot();
    const n = end - start;
    const page = this.room(n);
    const at = this.used;
    // Short values (ids, handles) copy faster by hand than through a subarray view and a native call.
    if (n < 64) for (let k = 0; k < n; k++) page[at + k] = bytes[start + k] as number;
    else page.set(bytes.subarray(start, end), at);
    this.at[i] = (this.pages.length - 1) * SLOT + at;
    this.len[i] = n;
    this.used = at + n;
    return i;
  }

  /** Appends a string (or null). */
  push(value: string | null): number {
    if (value === null) {
      const i = this.slot();
      this.len[i] = NULL;
      return i;
    }
    if (!wellFormed(value)) {
      const i = this.slot();
      this.len[i] = SIDE;
      this.side.set(i, value);
      return i;
    }
    const bytes = Buffer.from(value, 'utf8');
    return this.pushBytes(bytes, 0, bytes.length);
  }

  get(i: number): string | null {
    const n = this.len[i] as number;
    if (n === NULL) return null;
    if (n === SIDE) return this.side.get(i) ?? null;
    const at = this.at[i] as number;
    const page = this.pages[Math.floor(at / SLOT)] as Buffer;
    const from = at % SLOT;
    return page.toString('utf8', from, from + n);
  }

  /** True when entry i holds exactly the bytes `bytes[start, end)` (never for side strings). */
  equalsBytes(i: number, bytes: Uint8Array, start: number, end: number): boolean {
    const n = this.len[i] as number;
    if (n !== end - start) return false;
    const at = this.at[i] as number;
    const page = this.pages[Math.floor(at / SLOT)] as Buffer;
    const from = at % SLOT;
    for (let k = 0; k < n; k++) if (page[from + k] !== bytes[start + k]) return false;
    return true;
  }

  /** The side string of entry i, or null when its value is stored as bytes (or is null). */
  sideValue(i: number): string | null {
    return this.len[i] === SIDE ? (this.side.get(i) ?? null) : null;
  }

  /** FNV-1a of entry i's bytes (0 for side strings or null). */
  hashOf(i: number): number {
    const n = this.len[i] as number;
    if (n < 0) return 0;
    const at = this.at[i] as number;
    const from = at % SLOT;
    return hashBytes(this.pages[Math.floor(at / SLOT)] as Buffer, from, from + n);
  }
}

/** FNV-1a over bytes, as a non-negative 31-bit value. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ (bytes[k] as number), 0x01000193);
  return h >>> 1;
}

/** Where ids are encoded for a lookup: a million lookups then need no Buffer each. */
const scratch = Buffer.allocUnsafe(4096);

/** The UTF-8 bytes of `value`: in `scratch` (overwritten by the next call) when they fit, else a new Buffer. */
function utf8(value: string): { bytes: Buffer; length: number } {
  if (value.length * 3 <= scratch.length) return { bytes: scratch, length: scratch.write(value, 0, 'utf8') };
  const bytes = Buffer.from(value, 'utf8');
  return { bytes, length: bytes.length };
}

/** The hash `StringColumn.hashOf` gives an entry holding `value` (0 for values kept as side strings). */
export function hashText(value: string): number {
  if (!wellFormed(value)) return 0;
  const { bytes, length } = utf8(value);
  return hashBytes(bytes, 0, length);
}

/** Entry index by id, over a StringColumn of ids (insert-only, like the log). */
export class IdTable {
  /**
   * Open addressing, each slot a pair (entry index or -1, hash of its id): a lookup in a million-entry table misses
   * the cache once, where a separate array of hashes by entry would miss it twice.
   */
  private slots = new Int32Array(2 << 12).fill(-1);
  private size = 0;
  private readonly side = new Map<string, number>();

  constructor(private readonly ids: StringColumn) {}

  /** Entry index whose id has the bytes `bytes[start, end)` with hash `h`, or -1. */
  findBytes(bytes: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = slots[2 * s] as number;
      if (i < 0) return -1;
      if (slots[2 * s + 1] === h && this.ids.equalsBytes(i, bytes, start, end)) return i;
    }
  }

  /** Registers entry i (its id already pushed to the column, and absent from the table); `known` is its hashOf when the caller has it. */
  insert(i: number, known = -1): void {
    const sideId = this.ids.sideValue(i);
    if (sideId !== null) {
      this.side.set(sideId, i);
      return;
    }
    if (++this.size * 4 > this.slots.length) this.rehash();
    this.place(i, known >= 0 ? known : this.ids.hashOf(i));
  }

  private place(i: number, h: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = h & mask;
    while ((slots[2 * s] as number) >= 0) s = (s + 1) & mask;
    slots[2 * s] = i;
    slots[2 * s + 1] = h;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (let s = 0; s < old.length; s += 2) {
      const i = old[s] as number;
      if (i >= 0) this.place(i, old[s + 1] as number);
    }
  }

  /** Entry index of `id`, like Map.get. */
  get(id: string): number | undefined {
    if (!wellFormed(id)) return this.side.get(id);
    const { bytes, length } = utf8(id);
    const i = this.findBytes(bytes, 0, length, hashBytes(bytes, 0, length));
    return i < 0 ? undefined : i;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}
