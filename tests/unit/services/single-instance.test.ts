// A second launch focuses the first instance's main window (restoring it if minimised), never a popup or a destroyed window.
import { describe, expect, it } from 'vitest';
import { focusFirstInstance, mainWindowOf, type FocusableWindow } from '../../../electron/main/services/single-instance.ts';

class FakeWindow implements FocusableWindow {
  calls: string[] = [];
  constructor(private readonly options: { minimized?: boolean; destroyed?: boolean; parent?: FakeWindow } = {}) {}
  isDestroyed(): boolean {
    return this.options.destroyed ?? false;
  }
  isMinimized(): boolean {
    return this.options.minimized ?? false;
  }
  restore(): void {
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  getParentWindow(): FakeWindow | null {
    return this.options.parent ?? null;
  }
}

describe('focusFirstInstance', () => {
  it('restores a minimised main window, then shows and focuses it', () => {
    const main = new FakeWindow({ minimized: true });
    expect(focusFirstInstance([main])).toBe(true);
    expect(main.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('only restores a window that is minimised', () => {
    const main = new FakeWindow();
    focusFirstInstance([main]);
    expect(main.calls).toEqual(['show', 'focus']);
  });

  it('picks the main window, not a sign-in popup opened before it in the list', () => {
    const main = new FakeWindow();
    const popup = new FakeWindow({ parent: main });
    expect(mainWindowOf([popup, main])).toBe(main);
    focusFirstInstance([popup, main]);
    expect(popup.calls).toEqual([]);
    expect(main.calls).toEqual(['show', 'focus']);
  });

  it('does nothing while the first instance has no window yet, or only a destroyed one', () => {
    expect(focusFirstInstance([])).toBe(false);
    const closed = new FakeWindow({ destroyed: true, minimized: true });
    expect(focusFirstInstance([closed])).toBe(false);
    expect(closed.calls).toEqual([]);
  });
});
