// A modal dialog drawn by the app: focus moves in and stays in (Tab cycles), everything behind is inert,
// Escape closes from wherever the focus is, the focus goes back where it was, and the account view is hidden.
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useInvoke } from '../ipc-errors.tsx';
import { syncInert, tabbables, topmostDialog } from './modal-stack.ts';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  tone?: 'default' | 'danger';
  testId?: string;
  accentColor?: string;
  wide?: boolean;
  /** Ids of the elements that describe the dialog (read after its title by screen readers). */
  describedBy?: string;
  /** The gate's dialog sits above every other one, whenever it opens. */
  layer?: 'default' | 'gate';
}

export function Modal({ title, onClose, children, tone = 'default', testId, accentColor, wide = false, describedBy, layer = 'default' }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  // Each modal is its own cover owner: closing one over the dashboard (or over another) keeps the view hidden.
  const owner = `modal${useId()}`;
  const invoke = useInvoke();

  // A layout effect: its clean-up runs while the dialog is still in the DOM, so it can tell whether it was on top.
  useLayoutEffect(() => {
    const own = panel.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    invoke('view:covered', owner, true);
    syncInert();
    const first = own?.querySelector<HTMLElement>('[data-autofocus], input, select, button');
    // Only the topmost dialog takes the focus: a settings panel opening under a held post must not steal it.
    if (topmostDialog() === own) first?.focus();

    // On the window, not the panel: Escape and Tab must work when the focus is on nothing (after a click on text).
    const onKey = (event: KeyboardEvent) => {
      if (!own || topmostDialog() !== own) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        closeRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const stops = tabbables(own);
      if (stops.length === 0) return;
      const firstStop = stops[0] as HTMLElement;
      const lastStop = stops[stops.length - 1] as HTMLElement;
      const active = document.activeElement;
      const inside = active instanceof HTMLElement && own.contains(active);
      if (event.shiftKey && (!inside || active === firstStop || active === own)) {
        event.preventDefault();
        lastStop.focus();
      } else if (!event.shiftKey && (!inside || active === lastStop)) {
        event.preventDefault();
        firstStop.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      invoke('view:covered', owner, false);
      const wasTop = topmostDialog() === own;
      const next = syncInert(own);
      // Give the keyboard back: to the dialog now on top, or to where the focus was before this one opened.
      if (!wasTop) return;
      if (next) (before && next.contains(before) ? before : tabbables(next)[0])?.focus();
      else if (before?.isConnected) before.focus();
    };
  }, [owner, invoke]);

  return (
    <div
      className={`modal-backdrop${layer === 'gate' ? ' modal-layer-gate' : ''}`}
      data-modal-layer={layer}
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={panel}
        className={`modal modal-${tone}${wide ? ' modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        aria-describedby={describedBy}
        data-testid={testId}
        tabIndex={-1}
        style={accentColor ? ({ '--account-color': accentColor } as React.CSSProperties) : undefined}
      >
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
