// The stack of open dialogs, read from the DOM: which one is on top, what it may focus, and the inert state
// of everything behind it. Kept in the DOM (not in a module variable) so every dialog sees the same truth.

const BACKDROP = '.modal-backdrop';
const MARK = 'data-modal-inert';
/** Elements kept live above every dialog (the IPC failure messages, which a dialog's own calls may raise). */
const ABOVE = 'data-above-modals';
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** The backdrops of the open dialogs, bottom first; a gate dialog is above every other, whatever its DOM order. */
function backdrops(except?: Element | null): HTMLElement[] {
  const all = [...document.querySelectorAll<HTMLElement>(BACKDROP)].filter((backdrop) => !except || !backdrop.contains(except));
  const gate = all.filter((backdrop) => backdrop.dataset.modalLayer === 'gate');
  return [...all.filter((backdrop) => backdrop.dataset.modalLayer !== 'gate'), ...gate];
}

/** The panel of the dialog on top (the one that owns the keyboard), or null when none is open. */
export function topmostDialog(except?: Element | null): HTMLElement | null {
  const top = backdrops(except).at(-1);
  return top?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
}

/** The elements Tab stops at inside `root`, in order: enabled, shown, not removed from the tab order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) return false;
    if (element.closest('[inert]')) return false;
    // Inside a closed <details> only the summary shows.
    const details = element.parentElement?.closest('details');
    if (details && !details.open && element.tagName !== 'SUMMARY') return false;
    return element.getClientRects().length > 0;
  });
}

/**
 * Makes everything outside the topmost dialog inert (and only that): the siblings of the dialog's backdrop
 * and of each of its ancestors up to <body>. `closing` is a dialog being removed, left out of the count.
 * Returns the dialog now on top.
 */
export function syncInert(closing?: Element | null): HTMLElement | null {
  for (const element of document.querySelectorAll<HTMLElement>(`[${MARK}]`)) {
    element.inert = false;
    element.removeAttribute(MARK);
  }
  const top = backdrops(closing).at(-1);
  if (!top) return null;
  for (let node: HTMLElement | null = top; node && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert || sibling.tagName === 'SCRIPT' || sibling.hasAttribute(ABOVE)) continue;
      sibling.inert = true;
      sibling.setAttribute(MARK, '');
    }
  }
  return top.querySelector<HTMLElement>('[role="dialog"]');
}
