// CSV safety and parsing: OWASP formula neutralising, quoting, line-numbered parsing, and local times.
import { describe, it, expect } from 'vitest';
import { csvLine, neutraliseCell, parseCsv, restoreCell } from '../../../../shared/log/csv.ts';
import { LocalTimeFormatter } from '../../../../shared/log/local-time.ts';
import { itemIdFromCell, parseImportTime } from '../../../../shared/log/import-parse.ts';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['safe = text', 'safe = text'],
    ['', ''],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
    expect(restoreCell(neutraliseCell(input))).toBe(input);
  });

  it('quotes and escapes, and the parser reads back exactly', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+1', ' padded ', 'héllo 👋'];
    const line = csvLine(cells);
    expect(line).toBe('plain,"a,b","say ""hi""","two\nlines",\'=1+1," padded ",héllo 👋\r\n');
    const [record] = parseCsv(line);
    expect(record?.cells.map(restoreCell)).toEqual(cells);
  });

  it('numbers records by the line they start on and skips blank lines', () => {
    const records = parseCsv('\uFEFFa,b\r\n1,"x\ny"\n\n2,z\n');
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [5, ['2', 'z']],
    ]);
    expect(() => parseCsv('a\n"open')).toThrow('line 2: unterminated quoted cell');
    expect(() => parseCsv('a,b\n1,"x\ny"\n2,"open\n3,4')).toThrow('line 4: unterminated quoted cell');
  });

  it('reads the semicolon and tab separated files spreadsheets save in many locales', () => {
    expect(parseCsv('a;b\r\n1;"x;y"\r\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'x;y'],
    ]);
    expect(parseCsv('a\tb\n1\t2,5\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2,5'],
    ]);
    expect(parseCsv('a,b\r1,2\r').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });
});

describe('formatting', () => {
  it('formats local times on both sides of a DST change', () => {
    const paris = new LocalTimeFormatter('Europe/Paris');
    expect(paris.format(Date.parse('2026-03-29T00:30:00Z'))).toBe('2026-03-29 01:30:00');
    expect(paris.format(Date.parse('2026-03-29T01:30:00Z'))).toBe('2026-03-29 03:30:00');
    expect(new LocalTimeFormatter('America/New_York').format(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-01 08:00:00');
  });
});

describe('import cells', () => {
  it('extracts item IDs from post URLs', () => {
    expect(itemIdFromCell('https://x.com/acme/status/1899999999999999999')).toBe('1899999999999999999');
    expect(itemIdFromCell('https://twitter.com/acme/status/123?s=20')).toBe('123');
    expect(itemIdFromCell('https://mastodon.social/@gargron/113000000000000000')).toBe('113000000000000000');
    expect(itemIdFromCell('https://bsky.app/profile/acme.bsky.social/post/3lbqzxkxfuk2a')).toBe('3lbqzxkxfuk2a');
    expect(itemIdFromCell('https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000000/')).toBe('urn:li:activity:7200000000000000000');
    expect(itemIdFromCell(' 12345 ')).toBe('12345');
  });

  it('reads times with offsets, in UTC, or local to the zone', () => {
    expect(parseImportTime('2026-03-10T09:15:00Z', 'Europe/Paris')).toBe(Date.parse('2026-03-10T09:15:00Z'));
    expect(parseImportTime('2026-03-10 09:15', 'Europe/Paris')).toBe(Date.parse('2026-03-10T08:15:00Z'));
    expect(parseImportTime('2026-03-10T09:15:00+02:00', 'UTC')).toBe(Date.parse('2026-03-10T07:15:00Z'));
    expect(parseImportTime('next tuesday', 'UTC')).toBeNaN();
  });
});
