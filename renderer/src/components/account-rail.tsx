// The left rail: one entry per account (switch on click, reorder by drag and drop or Alt+arrows), add and settings.
import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/accounts/account.ts';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import { KindIcon } from './kind-badge.tsx';
import { Monogram } from './monogram.tsx';
import type { PresenceMap } from '../../../shared/ipc/contract.ts';
import { SignedOutMark, UnreadBadge } from './presence-marks.tsx';

interface Props {
  accounts: Account[];
  activeId: string | null;
  onActivate: (id: string) => void;
  onReorder: (ids: string[]) => void;
  onAdd: () => void;
  onEdit: (account: Account) => void;
  onSettings: () => void;
  onRecent: () => void;
  /** Whether the response-time dashboard is showing (the button toggles it). */
  dashboardOpen: boolean;
  onDashboard: () => void;
  /** Unread counts and signed-out states by account id. */
  presence?: PresenceMap;
}

/** Moves `id` to the slot of `targetId` (before it when moving up, after it when moving down). */
export function moveId(ids: string[], id: string, targetId: string): string[] {
  const from = ids.indexOf(id);
  const to = ids.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return ids;
  const next = ids.filter((candidate) => candidate !== id);
  next.splice(to, 0, id);
  return next;
}

export function AccountRail({
  accounts,
  activeId,
  onActivate,
  onReorder,
  onAdd,
  onEdit,
  onSettings,
  onRecent,
  dashboardOpen,
  onDashboard,
  presence = {},
}: Props) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<string | null>(null);
  const ids = accounts.map((account) => account.id);

  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    const id = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    if (id && id !== targetId) onReorder(moveId(ids, id, targetId));
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const target = ids[event.key === 'ArrowUp' ? index - 1 : index + 1];
    const id = ids[index];
    if (target && id) onReorder(moveId(ids, id, target));
  };

  return (
    <nav className="rail" aria-label={t('rail.accounts')}>
      <ol className="rail-list">
        {accounts.map((account, index) => (
          <li
            key={account.id}
            className={`rail-item${account.id === activeId ? ' active' : ''}${dragged === account.id ? ' dragging' : ''}`}
            style={{ '--account-color': account.color } as React.CSSProperties}
            draggable
            onDragStart={(event) => {
              setDragged(account.id);
              event.dataTransfer.setData('text/plain', account.id);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, account.id)}
            onDragEnd={() => setDragged(null)}
            data-testid="rail-item"
            data-account-id={account.id}
          >
            <button
              type="button"
              className="rail-button"
              aria-current={account.id === activeId ? 'page' : undefined}
              title={`${account.name} (@${account.handle}) · ${PLATFORM_NAMES[account.platform]}${index < 9 ? ` · ${t('rail.shortcut', { n: index + 1 })}` : ''} · ${t('rail.dragHint')}`}
              onClick={() => onActivate(account.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <Monogram account={account} />
              <span className="rail-text">
                <span className="rail-name">{account.name}</span>
                <span className="rail-handle">@{account.handle}</span>
                <span className={`rail-kind kind-${account.kind}`}>
                  <KindIcon kind={account.kind} />
                  {t(`kind.${account.kind}`)} · {PLATFORM_NAMES[account.platform]}
                </span>
                <SignedOutMark presence={presence[account.id]} />
              </span>
              {/* After the name in the DOM, so the button reads "Acme Coffee … 3 unread"; drawn on the monogram. */}
              <UnreadBadge presence={presence[account.id]} />
            </button>
            <button
              type="button"
              className="rail-edit"
              aria-label={t('rail.edit', { name: account.name })}
              title={t('rail.edit', { name: account.name })}
              onClick={() => onEdit(account)}
            >
              <RailIcon name="more" />
            </button>
          </li>
        ))}
      </ol>
      <div className="rail-footer">
        <button type="button" className="rail-action" onClick={onAdd}>
          <RailIcon name="add" /> {t('rail.add')}
        </button>
        <button type="button" className="rail-action" onClick={onRecent}>
          <RailIcon name="recent" /> {t('recent.open')}
        </button>
        <button type="button" className="rail-action" onClick={onSettings}>
          <RailIcon name="settings" /> {t('rail.settings')}
        </button>
        <button
          type="button"
          className={`rail-action${dashboardOpen ? ' active' : ''}`}
          aria-pressed={dashboardOpen}
          onClick={onDashboard}
          data-testid="open-dashboard"
        >
          <RailIcon name="dashboard" /> {t('dashboard.open')}
        </button>
      </div>
    </nav>
  );
}

/** Drawn icons, not text glyphs: a glyph such as "⋯" or "☰" is read out by some screen readers and cannot be checked for contrast. */
const ICON_PATHS: Record<'add' | 'recent' | 'settings' | 'dashboard' | 'more', ReactNode> = {
  add: <path d="M8 2.5v11M2.5 8h11" />,
  recent: <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />,
  settings: (
    <>
      <circle cx="8" cy="8" r="2.25" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
    </>
  ),
  dashboard: (
    <>
      <circle cx="8" cy="8.5" r="6.25" />
      <path d="M8 5v3.7l2.4 1.5M6.5 1h3" />
    </>
  ),
  more: (
    <>
      <circle cx="3" cy="8" r="0.9" fill="currentColor" />
      <circle cx="8" cy="8" r="0.9" fill="currentColor" />
      <circle cx="13" cy="8" r="0.9" fill="currentColor" />
    </>
  ),
};

function RailIcon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg
      className="rail-icon"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
    >
      {ICON_PATHS[name]}
    </svg>
  );
}
