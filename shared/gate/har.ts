// Pure HAR checking: turns a HAR document into one classification row per entry (shared by the CLI and settings).
import { classify } from './classify.ts';
import type { CustomRule } from '../platforms/custom-rules.ts';
import { decodeItemTime } from '../platforms/index.ts';
import type { PlatformId } from '../platforms/platform-id.ts';
import type { OutgoingRequest, PostAction, PostDetail } from './types.ts';
import { isSafeMethod } from './methods.ts';
import { isObject, type JsonValue } from '../platforms/json-body.ts';

/** One HAR entry as classified. Non-publishing rows carry nulls and mediaCount 0. */
export interface HarRow {
  index: number;
  method: string;
  url: string;
  gated: boolean;
  platform: PlatformId | null;
  action: PostAction | null;
  /** The parts' texts joined by a blank line; null when none could be read. */
  text: string | null;
  mediaCount: number;
  replyToId: string | null;
  quotedId: string | null;
  /** ISO time the reply target was created, decoded from its ID where the platform allows. */
  replyToCreatedAt: string | null;
  /** 'never-held-method' on a GET, HEAD or OPTIONS row: no rule, built-in or the manager's, holds those. */
  note: 'never-held-method' | null;
  /** The labelled facts the dialog would show beside the text (recipient, visibility, ...), request's then parts'. */
  details: PostDetail[];
}

/** A HAR that is not JSON or lacks `log.entries[].request`. */
export class HarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarFormatError';
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * The request of one HAR entry in classify()'s shape (postData.text, else postData.params as a form). A malformed
 * entry throws a HarFormatError naming it (`log.entries[N]: ...`): a request without a method is never taken
 * for a GET, as that would let a post pass the check unseen.
 */
export function harEntryToRequest(entry: unknown, position = 0): OutgoingRequest {
  const where = `log.entries[${position}]`;
  const request = isObject(entry) ? entry['request'] : undefined;
  if (!isObject(request)) throw new HarFormatError(`${where}: not an object with a request`);
  const method = request['method'];
  if (typeof method !== 'string' || method.trim() === '') throw new HarFormatError(`${where}: request.method is missing`);
  const url = request['url'];
  if (typeof url !== 'string' || url.trim() === '') throw new HarFormatError(`${where}: request.url is missing`);
  const headers: Record<string, string> = {};
  const headerList = request['headers'];
  if (headerList !== undefined && !Array.isArray(headerList)) throw new HarFormatError(`${where}: request.headers is not a list`);
  for (const h of headerList ?? []) {
    if (isObject(h) && typeof h['name'] === 'string') headers[h['name']] = stringOr(h['value'], '');
  }
  const postData = request['postData'];
  let body: Uint8Array | null = null;
  if (isObject(postData)) {
    const mime = stringOr(postData['mimeType'], '');
    if (mime && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = mime;
    if (typeof postData['text'] === 'string') {
      body = new TextEncoder().encode(postData['text']);
    } else if (Array.isArray(postData['params'])) {
      const form = new URLSearchParams();
      for (const p of postData['params'] as JsonValue[]) {
        if (isObject(p) && typeof p['name'] === 'string') form.append(p['name'], stringOr(p['value'], ''));
      }
      body = new TextEncoder().encode(form.toString());
    }
  }
  return { method: method.toUpperCase(), url, headers, body };
}

/** Parses HAR text and returns its entries; throws HarFormatError when it is not a HAR. */
export function parseHar(text: string): unknown[] {
  let doc: unknown;
  if (text.trim() === '') throw new HarFormatError('the file is empty');
  try {
    // The HAR 1.2 spec lets writers emit a byte order mark and tells readers to ignore it; JSON.parse does not.
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // JSON.parse says where it stopped (position, and line/column on recent engines): a cut file shows as such.
    throw new HarFormatError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const log = isObject(doc) ? doc['log'] : undefined;
  const entries = isObject(log) ? log['entries'] : undefined;
  if (!Array.isArray(entries)) throw new HarFormatError('missing log.entries');
  return entries;
}

/** Classifies every entry of a HAR (text), in order, with the very classify() the live gate calls. */
export function harToRows(harText: string, options: { customRules?: readonly CustomRule[]; now?: Date } = {}): HarRow[] {
  return parseHar(harText).map((entry, index) => {
    const request = harEntryToRequest(entry, index);
    const verdict = classify(request, options.customRules ? { customRules: options.customRules } : {});
    const row: HarRow = {
      index,
      method: request.method,
      url: request.url,
      gated: verdict.gated,
      platform: null,
      action: null,
      text: null,
      mediaCount: 0,
      replyToId: null,
      quotedId: null,
      replyToCreatedAt: null,
      note: isSafeMethod(request.method) ? 'never-held-method' : null,
      details: [],
    };
    if (!verdict.gated) return row;
    const details = [...(verdict.details ?? []), ...verdict.parts.flatMap((p) => p.details ?? [])];
    const texts = verdict.parts.map((p) => p.text).filter((t): t is string => t !== null);
    const first = verdict.parts[0];
    const replyToId = first?.replyToId ?? null; // a thread's later parts reply to its own first part
    const created = replyToId === null ? null : decodeItemTime(verdict.platform, replyToId, options.now ?? new Date());
    return {
      ...row,
      platform: verdict.platform,
      action: verdict.action,
      text: texts.length > 0 ? texts.join('\n\n') : null,
      mediaCount: verdict.parts.reduce((sum, p) => sum + p.mediaCount, 0),
      replyToId,
      quotedId: first?.quotedId ?? null,
      replyToCreatedAt: created ? created.toISOString() : null,
      details,
    };
  });
}
