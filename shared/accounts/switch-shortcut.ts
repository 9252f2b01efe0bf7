// The account-switch shortcut, matched by physical key: shared by the main process (before-input-event) and the renderer.

/** The fields of Electron's `Input` and of a DOM KeyboardEvent (`ctrlKey` mapped to `control`, …) that matter here. */
export interface KeyInput {
  type?: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift?: boolean;
}

/**
 * Ctrl/Cmd+1…9 → the account index 0…8, or null. Matched on `code` (Digit1…Digit9, Numpad1…9), the
 * physical key: on AZERTY the key "1" gives `key` "&" without Shift, so `key` never matched there.
 */
export function switchShortcutIndex(input: KeyInput): number | null {
  if (input.type !== undefined && input.type !== 'keyDown') return null;
  if (!(input.control || input.meta) || input.alt) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(input.code);
  return match ? Number(match[1]) - 1 : null;
}
