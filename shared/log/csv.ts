// Spreadsheet-safe CSV cells (OWASP formula-injection neutralising + RFC 4180 quoting) and a papaparse-based
// reader that remembers the line each record starts on, so import errors can name it.
import Papa from 'papaparse';

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
 * Parses CSV with papaparse: quoted cells may hold separators, quotes and newlines; the separator is guessed
 * among comma, semicolon and tab (spreadsheets save ";" in many locales) unless given; a leading BOM is dropped
 * and CRLF, LF and CR line ends are all read. Blank lines are skipped. Each record keeps the line it starts
 * on, so import errors can name it. Throws `line N: unterminated quoted cell` on a quote left open, and a
 * line-numbered error on a misplaced quote.
 */
export function parseCsv(text: string, delimiter?: string): CsvRecord[] {
  // One line end for papaparse (it picks a single one per file) and for counting lines.
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (; counted < index; counted++) if (source.charCodeAt(counted) === 0x0a) line++;
    return line;
  };
  let rowStart = 0;
  let failure: string | null = null;
  Papa.parse<string[]>(source, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', ';', '\t'],
    newline: '\n',
    skipEmptyLines: true,
    step: (result, parser) => {
      let start = rowStart;
      while (source.charCodeAt(start) === 0x0a) start++; // blank lines before the record
      rowStart = result.meta.cursor;
      const quote = result.errors.find((error) => error.type === 'Quotes');
      if (quote) {
        const at = source.indexOf('"', start);
        const where = `line ${lineAt(at >= 0 ? at : start)}`;
        failure =
          quote.code === 'MissingQuotes'
            ? `${where}: unterminated quoted cell`
            : `${where}: misplaced quote (a quote inside a quoted cell is written twice: "")`;
        parser.abort();
        return;
      }
      records.push({ line: lineAt(start), cells: result.data });
    },
  });
  if (failure !== null) throw new Error(failure);
  return records;
}
