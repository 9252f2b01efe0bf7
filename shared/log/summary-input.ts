// Reshaping a summary's input when the fast path does not apply: gathering members into plain columns, and
// regrouping timed values by day when entries did not come in time order.
import type { BusinessCalendar } from './business-hours.ts';
import type { SummaryInput } from './statistics.ts';

/** The input restricted to `members`, as plain columns. */
export function gather(input: SummaryInput, members: Uint32Array): SummaryInput {
  const pick = <T extends Float64Array | Uint32Array>(column: T, make: (n: number) => T): T => {
    const out = make(members.length);
    for (let k = 0; k < members.length; k++) out[k] = column[members[k] as number] as number;
    return out;
  };
  const f64 = (n: number): Float64Array => new Float64Array(n);
  return {
    count: members.length,
    startMs: pick(input.startMs, f64),
    sentMs: pick(input.sentMs, f64),
    accountIndex: pick(input.accountIndex, (n) => new Uint32Array(n)),
    accounts: input.accounts,
  };
}

/** Input not in time order: reorders the timed values by day (stable counting sort) and rewrites the runs. */
export function sortByDay(input: SummaryInput, calendar: BusinessCalendar, cal: Float64Array, bus: Float64Array, runDays: number[], runStarts: number[]): void {
  const m = cal.length;
  const dayOf = new Int32Array(m);
  let t = 0;
  for (let k = 0; k < input.count; k++) {
    const i = input.members === undefined ? k : (input.members[k] as number);
    if (!Number.isNaN(input.startMs[i] as number)) dayOf[t++] = calendar.dayIndex(input.sentMs[i] as number);
  }
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < m; k++) {
    first = Math.min(first, dayOf[k] as number);
    last = Math.max(last, dayOf[k] as number);
  }
  const offsets = new Uint32Array(last - first + 2);
  for (let k = 0; k < m; k++) {
    const slot = (dayOf[k] as number) - first + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let d = 1; d < offsets.length; d++) offsets[d] = (offsets[d] as number) + (offsets[d - 1] as number);
  runDays.length = 0;
  runStarts.length = 0;
  for (let d = 0; d + 1 < offsets.length; d++) {
    if (offsets[d + 1] === offsets[d]) continue;
    runDays.push(d + first);
    runStarts.push(offsets[d] as number);
  }
  const calCopy = cal.slice();
  const busCopy = bus.slice();
  for (let k = 0; k < m; k++) {
    const d = (dayOf[k] as number) - first;
    const at = offsets[d] as number;
    offsets[d] = at + 1;
    cal[at] = calCopy[k] as number;
    bus[at] = busCopy[k] as number;
  }
}
