// A second launch hands over to the first: its main window comes to the front (restored if minimised), and the second exits.

/** The part of a BaseWindow this needs; Electron's BaseWindow has all of it. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  getParentWindow(): unknown;
}

/** The app's main window among all open ones: sign-in popups are child windows, the main window has no parent. */
export function mainWindowOf<W extends FocusableWindow>(windows: readonly W[]): W | null {
  return windows.find((window) => !window.isDestroyed() && !window.getParentWindow()) ?? null;
}

/** Brings the first instance's main window to the front; false when there is none yet (the first one is still starting). */
export function focusFirstInstance(windows: readonly FocusableWindow[]): boolean {
  const window = mainWindowOf(windows);
  if (!window) return false;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return true;
}
