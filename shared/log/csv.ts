// Spreadsheet-safe CSV cells (OWASP formula-injection neutralising + RFC 4180 quoting) and a small parser that
// remembers the line each record starts on, so import errors can name it.

/** Characters that make spreadsheets treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a single quote to a cell a spreadsheet would evaluate; the text stays readable. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCell` on import, so export → import → export is stable. */
export function restoreCell(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Quotes a cell when needed (comma, quote, CR/LF, edge spaces), doubling inner quotes. */
export function quoteCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record (neutralised and quoted), ending in CRLF. */
export function csvLine(cells: ReadonlyArray<string | number | boolean | null>): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const text = cell === null || cell === undefined ? '' : String(cell);
    out += (i === 0 ? '' : ',') + quoteCell(neutraliseCell(text));
  }
  return out + '\r\n';
}

/** One parsed record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV (a leading BOM is dropped; quoted cells may hold commas, quotes and newlines).
 * Blank lines are skipped. Throws `line N: unterminated quoted cell` on a quote left open.
 */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) throw new Error(`line ${quoteLine}: unterminated quoted cell`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
