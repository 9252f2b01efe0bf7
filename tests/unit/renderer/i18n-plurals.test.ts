// Every count in the UI goes through i18next's plural forms, in English and French: no "1 Réponses", no "line(s)".
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { fr } from '../../../renderer/src/i18n/fr.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe.each([
  ['en', en as unknown as Tree],
  ['fr', fr as unknown as Tree],
])('plural forms (%s)', (language, messages) => {
  it('gives every string that takes {{count}} its _one and _other forms', () => {
    const all = leaves(messages);
    const keys = new Set(all.map(([key]) => key));
    const missing = all
      .filter(([key, text]) => text.includes('{{count}}') && !/_(one|other|many)$/.test(key))
      .map(([key]) => key)
      .filter((key) => !keys.has(`${key}_one`) || !keys.has(`${key}_other`));
    expect(missing).toEqual([]);
  });

  it('never writes a plural by hand ("line(s)", "réponse(s)")', () => {
    expect(leaves(messages).filter(([, text]) => /\w\((s|es|x)\)/.test(text))).toEqual([]);
  });

  it('reads 1, 2 and a million right', () => {
    const i18n = createI18n(language);
    const t = (count: number) => i18n.t('dashboard.figures.replies', { count });
    expect([t(1), t(2), t(1_000_000)]).toEqual(language === 'en' ? ['reply', 'replies', 'replies'] : ['réponse', 'réponses', 'réponses']);
  });
});
