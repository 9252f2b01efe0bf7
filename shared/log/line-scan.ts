// Byte-level readers for the log's other common lines (gate decisions, their results, corrections) in the exact
// shape the app writes, so loading does not JSON.parse the 40 % of a busy log that is not replies. Like
// reply-scan.ts, each says "not mine" for anything else, and that line takes the JSON.parse + schema path; when
// one says yes, the values equal what JSON.parse + validateLogLine yield (property tests check this).
import { PLATFORM_IDS } from '../platforms/platform-id.ts';
import { POST_ACTIONS } from '../gate/types.ts';
import {
  correctionLineSchema,
  gateLineSchema,
  gateResultLineSchema,
  GATE_DECISIONS,
  type CorrectionLine,
  type GateLine,
  type GateResultLine,
} from './entry-schema.ts';
import {
  account,
  accountScan,
  assertOrder,
  choice,
  codes,
  headCodes,
  keyCodes,
  literal,
  NULL,
  nullableString,
  scannedString,
  scannedText,
  string,
  time,
  type AccountScan,
  type ScannedText,
} from './json-bytes.ts';

const PLATFORM_CODES = PLATFORM_IDS.map(codes);
const ACTION_CODES = POST_ACTIONS.map(codes);
const DECISION_CODES = GATE_DECISIONS.map(codes);
const keysOf = (schema: { shape: object }): string[] => Object.keys(schema.shape);

/** What a gate line scan found (the store keeps the line's bytes; it needs only the request id to join results). */
export interface GateScan {
  requestId: ScannedText;
  account: AccountScan;
  text: ScannedText;
  textHash: ScannedText;
}

export const newGateScan = (): GateScan => ({ requestId: scannedText(), account: accountScan(), text: scannedText(), textHash: scannedText() });

const G_HEAD = headCodes<GateLine>('gate', 'at');
const G_REQUEST = keyCodes<GateLine>('requestId', '"');
const G_ACCOUNT = keyCodes<GateLine>('account', '');
const G_PLATFORM = keyCodes<GateLine>('platform', '"');
const G_ACTION = keyCodes<GateLine>('action', '"');
const G_DECISION = keyCodes<GateLine>('decision', '"');
const G_TEXT = keyCodes<GateLine>('text', '');
const G_HASH = keyCodes<GateLine>('textHash', '');
const GATE_ORDER: { readonly [K in keyof GateLine]-?: number } = {
  v: 0,
  type: 1,
  at: 2,
  requestId: 3,
  account: 4,
  platform: 5,
  action: 6,
  decision: 7,
  text: 8,
  textHash: 9,
};
assertOrder('gate line', keysOf(gateLineSchema) as Array<keyof GateLine>, GATE_ORDER);

/** Scans `b[start, end)` as a gate line in the app's own key order; false for anything else. */
export function scanGateLine(b: Uint8Array, start: number, end: number, out: GateScan): boolean {
  let at = literal(b, start, end, G_HEAD);
  if (at < 0 || Number.isNaN(time(b, at, end))) return false;
  at += 25;
  if ((at = literal(b, at, end, G_REQUEST)) < 0 || (at = string(b, at, end, out.requestId, 1, 200)) < 0) return false;
  if ((at = literal(b, at, end, G_ACCOUNT)) < 0 || (at = account(b, at, end, out.account)) < 0) return false;
  if ((at = literal(b, at, end, G_PLATFORM)) < 0 || (at = choice(b, at, end, PLATFORM_CODES)) < 0) return false;
  if ((at = literal(b, at, end, G_ACTION)) < 0 || (at = choice(b, at, end, ACTION_CODES)) < 0) return false;
  if ((at = literal(b, at, end, G_DECISION)) < 0 || (at = choice(b, at, end, DECISION_CODES)) < 0) return false;
  if ((at = literal(b, at, end, G_TEXT)) < 0 || (at = nullableString(b, at, end, out.text, 0, Infinity)) < 0) return false;
  if ((at = literal(b, at, end, G_HASH)) < 0 || (at = nullableString(b, at, end, out.textHash, 0, 128)) < 0) return false;
  return at + 1 === end && b[at] === 0x7d;
}

/** What a gate result line scan found. */
export interface GateResultScan {
  requestId: ScannedText;
  error: ScannedText;
}

export const newGateResultScan = (): GateResultScan => ({ requestId: scannedText(), error: scannedText() });

const R_HEAD = headCodes<GateResultLine>('gate-result', 'at');
const R_REQUEST = keyCodes<GateResultLine>('requestId', '"');
const R_STATUS = keyCodes<GateResultLine>('status', '');
const R_ERROR = keyCodes<GateResultLine>('error', '');
const RESULT_ORDER: { readonly [K in keyof GateResultLine]-?: number } = { v: 0, type: 1, at: 2, requestId: 3, status: 4, error: 5 };
assertOrder('gate result line', keysOf(gateResultLineSchema) as Array<keyof GateResultLine>, RESULT_ORDER);

/** `null`, or an HTTP status as JSON.stringify writes one (0–999, no sign, fraction or leading zero). */
function status(b: Uint8Array, at: number, end: number): number {
  const isNull = literal(b, at, end, NULL);
  if (isNull >= 0) return isNull;
  let i = at;
  while (i < end && i - at < 4 && (b[i] as number) >= 48 && (b[i] as number) <= 57) i++;
  const digits = i - at;
  if (digits === 0 || digits > 3 || (b[at] === 48 && digits > 1)) return -1;
  return i;
}

/** Scans `b[start, end)` as a gate result line in the app's own key order; false for anything else. */
export function scanGateResultLine(b: Uint8Array, start: number, end: number, out: GateResultScan): boolean {
  let at = literal(b, start, end, R_HEAD);
  if (at < 0 || Number.isNaN(time(b, at, end))) return false;
  at += 25;
  if ((at = literal(b, at, end, R_REQUEST)) < 0 || (at = string(b, at, end, out.requestId, 1, 200)) < 0) return false;
  if ((at = literal(b, at, end, R_STATUS)) < 0 || (at = status(b, at, end)) < 0) return false;
  if ((at = literal(b, at, end, R_ERROR)) < 0 || (at = nullableString(b, at, end, out.error, 0, 2000)) < 0) return false;
  return at + 1 === end && b[at] === 0x7d;
}

/** What a correction line scan found: the line itself (it joins its entry's history) and its new start. */
export interface CorrectionScan {
  targetId: ScannedText;
  receivedMs: number;
  receivedAt: ScannedText;
  at: ScannedText;
  note: ScannedText;
}

export const newCorrectionScan = (): CorrectionScan => ({
  targetId: scannedText(),
  receivedMs: NaN,
  receivedAt: scannedText(),
  at: scannedText(),
  note: scannedText(),
});

const C_HEAD = headCodes<CorrectionLine>('correction', 'targetId');
const C_RECEIVED = keyCodes<CorrectionLine>('receivedAt', '"');
const C_AT = keyCodes<CorrectionLine>('at', '"');
const C_NOTE = keyCodes<CorrectionLine>('note', '"');
const CORRECTION_ORDER: { readonly [K in keyof CorrectionLine]-?: number } = { v: 0, type: 1, targetId: 2, receivedAt: 3, at: 4, note: 5 };
assertOrder('correction line', keysOf(correctionLineSchema) as Array<keyof CorrectionLine>, CORRECTION_ORDER);

/** A canonical time string field (opening quote consumed): its ms, its bytes in `out`; NaN when not canonical. */
function timeField(b: Uint8Array, at: number, end: number, out: ScannedText): number {
  const ms = time(b, at, end);
  out.start = at;
  out.end = at + 24;
  out.decoded = null;
  return ms;
}

/** Scans `b[start, end)` as a correction line in the app's own key order (its note optional); false for anything else. */
export function scanCorrectionLine(b: Uint8Array, start: number, end: number, out: CorrectionScan): boolean {
  let at = literal(b, start, end, C_HEAD);
  if (at < 0 || (at = string(b, at, end, out.targetId, 1, 200)) < 0) return false;
  if ((at = literal(b, at, end, C_RECEIVED)) < 0) return false;
  out.receivedMs = timeField(b, at, end, out.receivedAt);
  if (Number.isNaN(out.receivedMs)) return false;
  if ((at = literal(b, at + 25, end, C_AT)) < 0 || Number.isNaN(timeField(b, at, end, out.at))) return false;
  at += 25;
  out.note.start = -1;
  const note = literal(b, at, end, C_NOTE);
  if (note >= 0 && (at = string(b, note, end, out.note, 0, 2000)) < 0) return false;
  return at + 1 === end && b[at] === 0x7d;
}

/** The scanned correction as the schema returns it (an absent note stays absent). */
export function scannedCorrection(b: Uint8Array, scan: CorrectionScan): CorrectionLine {
  const line: CorrectionLine = {
    v: 1,
    type: 'correction',
    targetId: scannedString(b, scan.targetId),
    receivedAt: scannedString(b, scan.receivedAt),
    at: scannedString(b, scan.at),
  };
  if (scan.note.start >= 0) line.note = scannedString(b, scan.note);
  return line;
}
