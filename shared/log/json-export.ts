// The JSON export, produced in pieces (head, one piece per entry, tail) so a million entries stream.
import type { LogFilter, ReplyRow } from './model.ts';
import type { LogSummary } from './statistics.ts';

/** The export's schema name, checked on import. */
export const JSON_EXPORT_SCHEMA = 'hatrack.log.export';

/** The whole document's shape: `{ schema, v, filter, summary, entries }`. */
export interface JsonExport {
  schema: typeof JSON_EXPORT_SCHEMA;
  v: 1;
  exportedAt?: string;
  filter: LogFilter;
  summary: LogSummary;
  entries: ReplyRow[];
}

/** Everything before the first entry. */
export function jsonHead(filter: LogFilter, summary: LogSummary, exportedAt: string): string {
  const head = JSON.stringify({ schema: JSON_EXPORT_SCHEMA, v: 1, exportedAt, filter, summary });
  return `${head.slice(0, -1)},"entries":[\n`;
}

/** One entry; `first` decides the separating comma. */
export function jsonEntry(row: ReplyRow, first: boolean): string {
  return (first ? '' : ',\n') + JSON.stringify(row);
}

/** Closes the entries array and the document. */
export function jsonTail(): string {
  return '\n]}\n';
}
