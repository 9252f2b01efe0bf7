// The confirmation gate's dialog: one held post at a time, naming the account, with Cancel focused.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingPostView } from '../../../shared/gate/pending.ts';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import { readableTextColor } from '../../../shared/accounts/contrast.ts';
import type { DecideAnswer } from '../../../shared/gate/decision.ts';
import { api } from '../api.ts';
import { useReportError } from '../ipc-errors.tsx';
import { GatePostBody } from './gate-post-body.tsx';
import { KindBadge } from './kind-badge.tsx';
import { Modal } from './modal.tsx';
import { useMainValue } from '../use-main-value.ts';

/** Subscribes to the held posts; the dialog shows the first, in order. */
export function useGateQueue(): PendingPostView[] {
  return useMainValue('gate:queue', readQueue, NO_POSTS);
}

const NO_POSTS: PendingPostView[] = [];
const readQueue = () => api().invoke('gate:queue');

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** One held post. App mounts it with key={post.id}, so the next post gets a fresh dialog (typed text, answer, second press). */
export function GateDialog({ post, position, total }: { post: PendingPostView; position: number; total: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const [typed, setTyped] = useState('');
  const [answer, setAnswer] = useState<DecideAnswer | null>(null);
  const [secondPress, setSecondPress] = useState(false);
  const report = useReportError();
  const { account } = post;
  const handle = `@${account.handle}`;
  const seconds = Math.max(0, Math.ceil(((post.delayUntil ?? post.expiresAt) - now) / 1000));
  const countdown = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

  // A failed decide sends nothing: the post stays held (main cancels it when it expires) and the failure is shown.
  const decide = async (confirm: boolean) => {
    const result = await api().invoke('gate:decide', post.id, {
      confirm,
      ...(post.mode === 'type-handle' ? { typedHandle: typed } : {}),
      ...(secondPress ? { secondPress: true } : {}),
    });
    setAnswer(result);
    if (!result.ok && result.reason === 'needs-second-press') setSecondPress(true);
  };

  const blocked = post.identityMismatch !== null;
  const confirmLabel = secondPress ? t('gate.confirmAgain', { handle }) : t(`gate.confirm.${post.action}`, { handle });
  const text = readableTextColor(account.color);

  return (
    <Modal
      title={t(`gate.title.${post.action}`, { handle })}
      onClose={() => {
        decide(false).catch(report);
      }}
      tone={blocked ? 'danger' : 'default'}
      testId="gate-dialog"
      accentColor={account.color}
      layer="gate"
      describedBy={`gate-account-${post.id} gate-text-${post.id}`}
    >
      <div
        id={`gate-account-${post.id}`}
        className={`gate-account gate-${account.kind}`}
        style={{ background: account.color, color: text, '--account-text': text, '--account-color': account.color } as React.CSSProperties}
      >
        <strong data-testid="gate-account-name">{account.name}</strong> <span data-testid="gate-account-handle">{handle}</span>
        <span>· {PLATFORM_NAMES[account.platform]}</span>
        <KindBadge kind={account.kind} />
      </div>
      {total > 1 && <p className="gate-queue">{t('gate.queue', { position, total })}</p>}
      {blocked && (
        <p className="gate-alert" role="alert" data-testid="gate-identity">
          {t('gate.identityMismatch', { actual: post.identityMismatch?.actual, handle, expected: post.identityMismatch?.expected })}
        </p>
      )}
      {!post.readable && (
        <p className="gate-alert gate-unreadable" role="alert" data-testid="gate-unreadable">
          {post.unreadableReason === 'content-unknown' ? t('gate.unknown') : t('gate.unreadable')}
        </p>
      )}
      <div id={`gate-text-${post.id}`}>
        <GatePostBody post={post} />
      </div>
      {post.watchWordHits.length > 0 && (
        <p className="gate-watch">{t('gate.watchWords', { words: [...new Set(post.watchWordHits.map((hit) => hit.word))].join(', ') })}</p>
      )}
      {post.mode === 'type-handle' && !blocked && (
        <label className="gate-type">
          {t('gate.typeHandle', { handle })}
          <input name="typedHandle" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        </label>
      )}
      {answer && !answer.ok && answer.reason !== 'needs-second-press' && (
        <p className="field-error" role="alert">
          {t(`gate.refused.${answer.reason}`)}
        </p>
      )}
      <p className="gate-timer">{post.mode === 'delay' ? t('gate.sendingIn', { countdown }) : t('gate.expires', { countdown })}</p>
      <div className="form-actions">
        <button
          type="button"
          onClick={() => {
            decide(false).catch(report);
          }}
          data-autofocus
          data-testid="gate-cancel"
        >
          {post.mode === 'delay' ? t('gate.undo') : t('gate.cancel')}
        </button>
        {!blocked && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              decide(true).catch(report);
            }}
            data-testid="gate-confirm"
            disabled={post.mode === 'type-handle' && typed.trim() === ''}
          >
            {post.mode === 'delay' ? t('gate.sendNow') : confirmLabel}
          </button>
        )}
      </div>
    </Modal>
  );
}
