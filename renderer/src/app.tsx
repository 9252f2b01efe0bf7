// The shell UI: account rail, the active account's frame, and the dialogs drawn above it.
import { useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Account, AccountInput, AccountPatch } from '../../shared/accounts/account.ts';
import { PLATFORM_NAMES } from '../../shared/accounts/platforms.ts';
import { switchShortcutIndex } from '../../shared/accounts/switch-shortcut.ts';
import type { AppState } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';
import { AccountForm } from './components/account-form.tsx';
import { AccountFrame } from './components/account-frame.tsx';
import { AccountRail } from './components/account-rail.tsx';
import { GateDialog, useGateQueue } from './components/gate-dialog.tsx';
import { RecentDecisions } from './components/recent-decisions.tsx';
import { RemoveDialog } from './components/remove-dialog.tsx';
import { SettingsPanel } from './components/settings-panel.tsx';
import { WarningsBar } from './components/warnings-bar.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
import { useInvoke, useReportError } from './ipc-errors.tsx';
import { useAppState } from './use-app-state.ts';
import { usePresence } from './use-presence.ts';

type Dialog = { kind: 'add' } | { kind: 'edit'; account: Account } | { kind: 'remove'; account: Account } | { kind: 'settings' } | { kind: 'recent' } | null;

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Shell />
    </I18nextProvider>
  );
}

function Shell() {
  const state = useAppState();
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dashboardOpen, setDashboardOpen] = useState(false);
  const queue = useGateQueue();
  const presence = usePresence();
  const invoke = useInvoke();
  const report = useReportError();
  const active = state?.accounts.find((account) => account.id === state.activeId) ?? null;

  useEffect(() => {
    if (state && i18n.language !== state.locale) i18n.changeLanguage(state.locale).catch(report);
  }, [state?.locale, i18n, state, report]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = active
      ? t('app.windowTitle', { name: active.name, handle: active.handle, platform: PLATFORM_NAMES[active.platform], kind: t(`kind.${active.kind}`) })
      : t('app.name');
  }, [active, t, i18n.language]);

  useSwitchShortcuts(state, queue.length > 0, invoke);

  if (!state) return <div className="loading" aria-busy="true" />;

  const saveAccount = async (input: AccountInput, extra: AccountPatch) => {
    if (dialog?.kind === 'edit') await api().invoke('accounts:update', dialog.account.id, { ...input, ...extra });
    else await api().invoke('accounts:create', input);
    setDialog(null);
  };

  return (
    <div className="app">
      <AccountRail
        accounts={state.accounts}
        activeId={state.activeId}
        onActivate={(id) => {
          // While a post is held the dialog speaks for the account that made it: no switching under it.
          if (queue.length > 0) return;
          // Choosing an account means going back to it: the dashboard gives the main area back.
          setDashboardOpen(false);
          invoke('accounts:activate', id);
        }}
        onReorder={(ids) => invoke('accounts:reorder', ids)}
        onAdd={() => setDialog({ kind: 'add' })}
        onEdit={(account) => setDialog({ kind: 'edit', account })}
        onSettings={() => setDialog({ kind: 'settings' })}
        onRecent={() => setDialog({ kind: 'recent' })}
        dashboardOpen={dashboardOpen}
        onDashboard={() => setDashboardOpen((open) => !open)}
        presence={presence}
      />
      <main className="main">
        <WarningsBar warnings={state.warnings} onDismiss={(id) => invoke('warnings:dismiss', id)} />
        {dashboardOpen ? (
          <Dashboard accounts={state.accounts} settings={state.settings} onClose={() => setDashboardOpen(false)} />
        ) : active ? (
          <AccountFrame account={active} signedOut={Boolean(presence[active.id]?.signedOut)} />
        ) : (
          <div className="empty">
            <h1>{t('empty.title')}</h1>
            <p>{t('empty.body')}</p>
            <button type="button" className="primary" onClick={() => setDialog({ kind: 'add' })}>
              {t('empty.add')}
            </button>
          </div>
        )}
      </main>
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <AccountForm
          account={dialog.kind === 'edit' ? dialog.account : null}
          usedColors={state.accounts.map((account) => account.color)}
          onSubmit={saveAccount}
          onRemove={(account) => setDialog({ kind: 'remove', account })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            invoke('accounts:remove', dialog.account.id);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'recent' && <RecentDecisions onClose={() => setDialog(null)} />}
      {queue[0] && <GateDialog key={queue[0].id} post={queue[0]} position={1} total={queue.length} />}
      {dialog?.kind === 'settings' && (
        <SettingsPanel
          accounts={state.accounts}
          settings={state.settings}
          onChange={(patch) => invoke('settings:update', patch)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

/** Ctrl/Cmd+1..9 switches to the nth account by physical key (AZERTY too; main does the same while a site has the focus); never while a post is held. */
function useSwitchShortcuts(state: AppState | null, held: boolean, invoke: ReturnType<typeof useInvoke>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const index = switchShortcutIndex({ code: event.code, control: event.ctrlKey, meta: event.metaKey, alt: event.altKey });
      if (index === null) return;
      const account = state?.accounts[index];
      if (!account) return;
      event.preventDefault();
      if (held) return;
      invoke('accounts:activate', account.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state, held, invoke]);
}
