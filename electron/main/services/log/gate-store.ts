// The gate decisions and their results, kept as validated line text in UTF-8 pages rather than one object graph
// per decision: a busy log holds hundreds of thousands of them, which the GC would otherwise copy and trace on
// every load, while only the latest few are ever shown. Rows are rebuilt from the text when asked for.
import { rereadStoredLine } from '../../../../shared/log/entry-schema.ts';
import type { ScannedText } from '../../../../shared/log/json-bytes.ts';
import type { GateRow } from '../../../../shared/log/model.ts';
import { hashBytes, IdTable, StringColumn } from './string-column.ts';
import { grownTo } from './typed-arrays.ts';

/** A request id: a string, or where it sits in the line's bytes (as the loader's scanner found it). */
type RequestId = string | ScannedText;

/** Gate lines in file order, each with the latest result line for its request id. */
export class GateStore {
  /** The JSON text of each gate line, by gate index. */
  private readonly lines = new StringColumn();
  /** Request id per gate index; the table finds the first gate with an id, `latest` the newest one since. */
  private readonly requestIds = new StringColumn();
  private readonly byRequest = new IdTable(this.requestIds);
  private latest = new Int32Array(1024);
  /** Result line per gate index (-1: none yet), as an index into `results`. */
  private resultOf = new Int32Array(1024);
  private readonly results = new StringColumn();
  count = 0;

  /** Adds a validated gate line; `bytes[start, end)` is its JSON in UTF-8 (as read from the file, or as written). */
  addGate(requestId: RequestId, bytes: Uint8Array, start: number, end: number): void {
    const i = this.count++;
    this.resultOf = grownTo(this.resultOf, i + 1);
    this.latest = grownTo(this.latest, i + 1);
    this.lines.pushBytes(bytes, start, end);
    this.resultOf[i] = -1;
    const hash = this.hashOf(requestId, bytes);
    const first = this.firstGateOf(requestId, bytes, hash);
    if (typeof requestId === 'string') this.requestIds.push(requestId);
    else if (requestId.decoded !== null) this.requestIds.push(requestId.decoded);
    else this.requestIds.pushBytes(bytes, requestId.start, requestId.end);
    if (first < 0) {
      this.byRequest.insert(i, hash);
      this.latest[i] = i;
    } else {
      // A reused request id: its results go to the newest gate line (as a Map keyed by request id would).
      this.latest[first] = i;
    }
  }

  /** Attaches a validated result line to the newest gate with its request id (a later result replaces it); ignored without one. */
  addResult(requestId: RequestId, bytes: Uint8Array, start: number, end: number): void {
    const first = this.firstGateOf(requestId, bytes, this.hashOf(requestId, bytes));
    if (first < 0) return;
    this.resultOf[this.latest[first] as number] = this.results.pushBytes(bytes, start, end);
  }

  /** The id column's hash of a request id in the line's bytes (-1 otherwise: the table computes it). */
  private hashOf(requestId: RequestId, bytes: Uint8Array): number {
    return typeof requestId !== 'string' && requestId.decoded === null ? hashBytes(bytes, requestId.start, requestId.end) : -1;
  }

  /** The first gate line with this request id, or -1. */
  private firstGateOf(requestId: RequestId, bytes: Uint8Array, hash: number): number {
    if (typeof requestId === 'string') return this.byRequest.get(requestId) ?? -1;
    if (requestId.decoded !== null) return this.byRequest.get(requestId.decoded) ?? -1;
    return this.byRequest.findBytes(bytes, requestId.start, requestId.end, hash);
  }

  /** The latest `limit` gate rows, newest first. */
  recent(limit: number): GateRow[] {
    const rows: GateRow[] = [];
    for (let i = this.count - 1; i >= 0 && rows.length < limit; i--) {
      const { v: _v, type: _t, ...rest } = rereadStoredLine(this.lines.get(i) ?? '', 'gate');
      const r = this.resultOf[i] as number;
      let result: GateRow['result'] = null;
      if (r >= 0) {
        const line = rereadStoredLine(this.results.get(r) ?? '', 'gate-result');
        result = { at: line.at, status: line.status, error: line.error };
      }
      rows.push({ ...rest, result });
    }
    return rows;
  }
}
