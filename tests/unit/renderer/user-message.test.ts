// A refusal from main reads as a sentence in the app's language: UserError keys translated, other messages wrapped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../renderer/src/api.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { userMessage } from '../../../renderer/src/ipc-errors.tsx';
import { en } from '../../../renderer/src/i18n/en.ts';
import { fr } from '../../../renderer/src/i18n/fr.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** Every 'errors.<key>' literal in main's and shared code: what a UserError or a schema message may carry to the renderer. */
function errorKeysInSource(): string[] {
  const keys = new Set<string>();
  for (const folder of ['electron', 'shared']) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      for (const match of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(/['"`]errors\.([A-Za-z]+)['"`]/g)) keys.add(match[1] as string);
    }
  }
  return [...keys].sort();
}

describe('userMessage', () => {
  it('translates the log service’s refusal of a manual start as Electron delivers it, in English and French', () => {
    // What ipcRenderer.invoke rejects with when the handler throws UserError('errors.startAfterReply').
    const refused = new Error("Error invoking remote method 'log:set-start': UserError: errors.startAfterReply");
    expect(userMessage(createI18n('en').t, errorMessage(refused), 'dashboard.error')).toBe('The item cannot have arrived after the reply was sent.');
    expect(userMessage(createI18n('fr').t, errorMessage(refused), 'dashboard.error')).toBe('L’élément ne peut pas être arrivé après l’envoi de la réponse.');
  });

  it('wraps a message that is not a key in the fallback sentence', () => {
    expect(userMessage(createI18n('en').t, 'disk full', 'dashboard.error')).toBe('Something went wrong: disk full');
  });

  it('has an English and a French sentence for every key main and shared code can refuse with, so none shows raw', () => {
    const keys = errorKeysInSource();
    // The scan finds what it should: the dispatcher's fallback, a service's refusal, a schema's message.
    expect(keys).toEqual(expect.arrayContaining(['invalidInput', 'startAfterReply', 'harTooBig', 'color']));
    expect(keys.filter((key) => !Object.hasOwn(en.errors, key))).toEqual([]);
    expect(keys.filter((key) => !Object.hasOwn(fr.errors, key))).toEqual([]);
  });
});
