// Finds an account's watch words in post text, so the dialog can highlight them and ask for a second press.

/** One occurrence of a watch word in a text. */
export interface WatchWordHit {
  /** Start offset, in UTF-16 code units of the original text (what `String.prototype.slice` takes). */
  start: number;
  /** End offset (exclusive), same units. */
  end: number;
  /** The watch word as configured (trimmed), not the matched spelling. */
  word: string;
}

// Letters, digits, combining marks and connector punctuation (underscore) make up a "word": a mark
// counts so that "cafe" does not match inside a decomposed "café", and an underscore so "ad" does not
// match inside "ad_campaign".
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}\p{Pc}]`;
const WORD_CHAR_TEST = new RegExp(`^${WORD_CHAR}$`, 'u');

// In unicode mode only syntax characters may be escaped; escaping anything else is a SyntaxError.
function escapeForRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR_TEST.test(char);
}

/** The pattern for one word: whitespace inside a phrase matches any run of whitespace. */
function wordPattern(word: string): string {
  // Match the composed and the decomposed spelling, so "é" typed one way still finds it written the other.
  const spellings = [...new Set([word.normalize('NFC'), word.normalize('NFD')])];
  const bodies = spellings.map((spelling) =>
    spelling
      .split(/\s+/u)
      .map(escapeForRegExp)
      .join(String.raw`\s+`),
  );
  const chars = [...word];
  // A boundary applies only on a side that is a word character: "#ad" needs none on the left (the '#'
  // delimits it) but one on the right, so that "#adidas" does not match.
  const before = isWordChar(chars[0]) ? `(?<!${WORD_CHAR})` : '';
  const after = isWordChar(chars[chars.length - 1]) ? `(?!${WORD_CHAR})` : '';
  return `${before}(?:${bodies.join('|')})${after}`;
}

/**
 * Finds every watch word in `text`: case-insensitive, whole words only (a word never matches inside a
 * longer word, in any script), unicode-safe (never splits a surrogate pair; composed and decomposed
 * accents both match). Hits do not overlap; where two words start at the same place the longer wins.
 * Empty or blank words are ignored. Hits are ordered by `start`.
 */
export function findWatchWords(text: string, words: readonly string[]): WatchWordHit[] {
  const cleaned = [...new Set(words.map((word) => word.trim()).filter((word) => word.length > 0))];
  if (cleaned.length === 0 || text.length === 0) return [];
  // Longest first: at a given position the regex engine takes the first alternative that matches.
  cleaned.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(cleaned.map((word) => `(${wordPattern(word)})`).join('|'), 'giu');
  const hits: WatchWordHit[] = [];
  for (const match of text.matchAll(pattern)) {
    const group = match.findIndex((value, index) => index > 0 && value !== undefined);
    const word = cleaned[group - 1];
    if (word === undefined || match.index === undefined) continue;
    hits.push({ start: match.index, end: match.index + match[0].length, word });
  }
  return hits;
}
