// A refusal from main reads as a sentence in the app's language: UserError keys translated, other messages wrapped.
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../renderer/src/api.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { userMessage } from '../../../renderer/src/ipc-errors.tsx';

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
});
