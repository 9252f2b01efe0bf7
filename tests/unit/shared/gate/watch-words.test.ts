// Watch words: found case-insensitively, as whole words, in any script, with ranges for highlighting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWatchWords } from '../../../../shared/gate/watch-words.ts';

const words = (text: string, list: string[]): string[] => findWatchWords(text, list).map((hit) => text.slice(hit.start, hit.end));

describe('findWatchWords', () => {
  it('finds words case-insensitively and returns their ranges', () => {
    expect(findWatchWords('Big SALE today, sale ends soon', ['sale'])).toEqual([
      { start: 4, end: 8, word: 'sale' },
      { start: 16, end: 20, word: 'sale' },
    ]);
  });

  it('matches whole words only', () => {
    expect(words('wholesale salesman resale', ['sale'])).toEqual([]);
    expect(words('sale_price sale-price', ['sale'])).toEqual(['sale']);
    expect(words('(sale) "sale". sale!', ['sale'])).toEqual(['sale', 'sale', 'sale']);
  });

  it('respects word boundaries in other scripts', () => {
    expect(words('Ça coûte trop cher', ['coûte'])).toEqual(['coûte']);
    expect(words('décoûte', ['coûte'])).toEqual([]);
    expect(words('Привет, МИР!', ['мир'])).toEqual(['МИР']);
    expect(words('мирный', ['мир'])).toEqual([]);
    expect(words('ΟΔΥΣΣΕΥΣ!', ['οδυσσευς'])).toEqual(['ΟΔΥΣΣΕΥΣ']); // final sigma folds with capital sigma
  });

  it('does not match a word inside a decomposed accented word, and matches either accent form', () => {
    const decomposed = 'cafe\u0301';
    expect(words(`un ${decomposed}`, ['cafe'])).toEqual([]);
    expect(words(`un ${decomposed} noir`, ['caf\u00e9'])).toEqual([decomposed]);
    expect(words('un caf\u00e9 noir', [decomposed])).toEqual(['caf\u00e9']);
  });

  it('keeps emoji and astral characters intact, with ranges in UTF-16 code units', () => {
    const text = '😀 launch 🚀';
    expect(findWatchWords(text, ['launch'])).toEqual([{ start: 3, end: 9, word: 'launch' }]);
    expect(words(text, ['🚀'])).toEqual(['🚀']);
  });

  it('handles hashtags, mentions and regex characters literally', () => {
    expect(words('#ad #adidas', ['#ad'])).toEqual(['#ad']);
    expect(words('ping @rival now', ['@rival'])).toEqual(['@rival']);
    expect(words('costs $5.00 (a.k.a. cheap)', ['$5.00', 'a.k.a'])).toEqual(['$5.00', 'a.k.a']);
    expect(words('costs $5x00', ['$5.00'])).toEqual([]);
  });

  it('matches phrases across any whitespace, and prefers the longer word at the same place', () => {
    expect(words('Black\n Friday deals', ['black friday'])).toEqual(['Black\n Friday']);
    expect(findWatchWords('black friday', ['black', 'black friday'])).toEqual([{ start: 0, end: 12, word: 'black friday' }]);
  });

  it('ignores blank words and duplicates, reports the configured spelling', () => {
    expect(findWatchWords('Sale', ['', '   ', ' sale ', 'SALE'])).toHaveLength(1);
    expect(findWatchWords('anything', [])).toEqual([]);
  });

  it('never throws on any input, and returns ordered, non-overlapping, in-bounds ranges', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 5 }), (text, list) => {
        const hits = findWatchWords(text, list);
        let last = 0;
        for (const hit of hits) {
          expect(hit.start).toBeGreaterThanOrEqual(last);
          expect(hit.end).toBeGreaterThan(hit.start);
          expect(hit.end).toBeLessThanOrEqual(text.length);
          last = hit.end;
        }
      }),
    );
  });
});
