// A modal dialog drawn by the app: focus moves in, Escape closes, and the account view is hidden while it shows.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { api } from '../api.ts';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  tone?: 'default' | 'danger';
  testId?: string;
  accentColor?: string;
  wide?: boolean;
}

export function Modal({ title, onClose, children, tone = 'default', testId, accentColor, wide = false }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  // Each modal is its own cover owner: closing one over the dashboard (or over another) keeps the view hidden.
  const owner = `modal${useId()}`;
  useEffect(() => {
    void api().invoke('view:covered', owner, true);
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus], input, select, button');
    first?.focus();
    return () => void api().invoke('view:covered', owner, false);
  }, [owner]);
  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        className={`modal modal-${tone}${wide ? ' modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        style={accentColor ? ({ '--account-color': accentColor } as React.CSSProperties) : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
