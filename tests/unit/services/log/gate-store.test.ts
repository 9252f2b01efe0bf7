// GateStore keeps gate lines as text and rebuilds rows on demand: the rows must be what the lines say, with the
// newest gate of a reused request id taking its results, a later result replacing an earlier one, and strings
// that UTF-8 cannot hold (lone surrogates, written as JSON escapes) coming back intact.
import { describe, expect, it } from 'vitest';
import { GateStore } from '../../../../electron/main/services/log/gate-store.ts';
import type { GateLine, GateResultLine } from '../../../../shared/log/entry-schema.ts';
import type { GateRow } from '../../../../shared/log/model.ts';
import { newGateResultScan, newGateScan, scanGateLine, scanGateResultLine } from '../../../../shared/log/line-scan.ts';
import { gateLine } from './test-helpers.ts';

const gate = (requestId: string, text: string | null, at = '2026-03-10T10:00:00.000Z'): GateLine => gateLine(requestId, { text, at });
const result = (requestId: string, status: number | null, error: string | null = null): GateResultLine => ({
  v: 1,
  type: 'gate-result',
  at: '2026-03-10T10:00:01.000Z',
  requestId,
  status,
  error,
});

/** Lines added as the service writes them (request id as a string) or as the loader reads them (scanned bytes). */
type Via = 'written' | 'loaded';

function store(lines: Array<GateLine | GateResultLine>, via: Via): GateStore {
  const gates = new GateStore();
  for (const line of lines) {
    const bytes = Buffer.from(JSON.stringify(line), 'utf8');
    if (line.type === 'gate') {
      const scan = newGateScan();
      if (via === 'loaded' && !scanGateLine(bytes, 0, bytes.length, scan)) throw new Error('the scanner declined a gate line the app writes');
      gates.addGate(via === 'loaded' ? scan.requestId : line.requestId, bytes, 0, bytes.length);
    } else {
      const scan = newGateResultScan();
      if (via === 'loaded' && !scanGateResultLine(bytes, 0, bytes.length, scan)) throw new Error('the scanner declined a result line the app writes');
      gates.addResult(via === 'loaded' ? scan.requestId : line.requestId, bytes, 0, bytes.length);
    }
  }
  return gates;
}

describe.each<Via>(['written', 'loaded'])('GateStore (lines %s)', (via) => {
  it('rebuilds rows newest first, each with its latest result', () => {
    const gates = store([gate('r1', 'one'), result('r1', 500), gate('r2', null), result('r1', 200), result('nobody', 200)], via);
    const row = (line: GateLine, got: GateRow['result']): GateRow => {
      const { v: _v, type: _t, ...rest } = line;
      return { ...rest, result: got };
    };
    expect(gates.recent(10)).toEqual([row(gate('r2', null), null), row(gate('r1', 'one'), { at: '2026-03-10T10:00:01.000Z', status: 200, error: null })]);
    expect(gates.recent(1).map((row) => row.requestId)).toEqual(['r2']);
  });

  it('gives the results of a reused request id to its newest gate line', () => {
    const gates = store([gate('same', 'a'), result('same', 201), gate('same', 'b'), result('same', null, 'net::ERR_FAILED')], via);
    const rows = gates.recent(10);
    expect(rows.map((row) => [row.text, row.result?.status, row.result?.error])).toEqual([
      ['b', null, 'net::ERR_FAILED'],
      ['a', 201, null],
    ]);
  });

  it('keeps strings UTF-8 cannot hold', () => {
    const odd = 'lone \ud800 surrogate';
    const gates = store([gate(odd, odd), result(odd, 200, odd)], via);
    const [row] = gates.recent(1);
    expect(row?.requestId).toBe(odd);
    expect(row?.text).toBe(odd);
    expect(row?.result?.error).toBe(odd);
  });
});
