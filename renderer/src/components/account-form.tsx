// Add or edit an account: validated with the same schema main uses, errors shown next to their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountInputSchema, GATE_MODES, type Account, type AccountInput, type AccountPatch, type GatePolicy } from '../../../shared/accounts/account.ts';
import { ACCOUNT_PALETTE, PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import { POST_ACTIONS } from '../../../shared/gate/types.ts';
import { PLATFORM_IDS, type PlatformId } from '../../../shared/platforms/platform-id.ts';
import { api, errorMessage } from '../api.ts';
import { useReportError, userMessage } from '../ipc-errors.tsx';
import { Modal } from './modal.tsx';
import { GateCoverageTable } from './gate-coverage.tsx';

interface Props {
  account: Account | null;
  usedColors: string[];
  onSubmit: (input: AccountInput, extra: AccountPatch) => Promise<void>;
  onRemove: (account: Account) => void;
  onClose: () => void;
}

type Errors = Partial<Record<string, string>>;

export function AccountForm({ account, usedColors, onSubmit, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const firstFree = ACCOUNT_PALETTE.find((color) => !usedColors.includes(color)) ?? ACCOUNT_PALETTE[0];
  const [name, setName] = useState(account?.name ?? '');
  const [handle, setHandle] = useState(account?.handle ?? '');
  const [platform, setPlatform] = useState<PlatformId>(account?.platform ?? 'x');
  const [instance, setInstance] = useState(account?.instance ?? '');
  const [startUrl, setStartUrl] = useState(account && account.platform === 'custom' ? account.startUrl : '');
  const [kind, setKind] = useState(account?.kind ?? 'personal');
  const [color, setColor] = useState(account?.color ?? firstFree);
  const [gate, setGate] = useState<GatePolicy | null>(account?.gate ?? null);
  const [watchWords, setWatchWords] = useState((account?.watchWords ?? []).join(', '));
  const [targetMinutes, setTargetMinutes] = useState(String(account?.targetMinutes ?? 60));
  const [notifications, setNotifications] = useState(account?.notifications ?? false);
  const [hibernate, setHibernate] = useState(account?.hibernate ?? true);
  const [unreadAlerts, setUnreadAlerts] = useState(account?.unreadAlerts ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [identityReset, setIdentityReset] = useState(false);
  const report = useReportError();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: AccountInput = {
      name,
      handle,
      platform,
      kind,
      color,
      ...(platform === 'mastodon' ? { instance } : {}),
      ...(startUrl.trim() ? { startUrl: startUrl.trim() } : {}),
    };
    const parsed = accountInputSchema.safeParse(input);
    const found: Errors = {};
    if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
    if (platform === 'mastodon' && !instance.trim()) found.instance = 'errors.instance';
    if (platform === 'custom' && !startUrl.trim()) found.startUrl ??= 'errors.startUrl';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const extra: AccountPatch = account
      ? {
          ...(gate ? { gate } : {}),
          watchWords: watchWords
            .split(',')
            .map((word) => word.trim())
            .filter(Boolean),
          targetMinutes: Math.max(1, Number.parseInt(targetMinutes, 10) || 60),
          notifications,
          hibernate,
          unreadAlerts,
        }
      : {};
    setBusy(true);
    try {
      await onSubmit(input, extra);
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) =>
    errors[field] ? (
      <span className="field-error" role="alert" id={`${field}-error`}>
        {t(errors[field] as string)}
      </span>
    ) : null;

  return (
    <Modal title={account ? t('form.editTitle', { name: account.name }) : t('form.addTitle')} onClose={onClose} testId="account-form" accentColor={color}>
      <form
        className="form"
        onSubmit={(event) => {
          // submit shows main's refusals (validation) in the form itself; only what escapes it is reported.
          submit(event).catch(report);
        }}
        noValidate
      >
        <label>
          {t('form.name')}
          <input name="name" value={name} onChange={(event) => setName(event.target.value)} data-autofocus aria-invalid={!!errors.name} />
          {fieldError('name')}
        </label>
        <label>
          {t('form.handle')}
          <input name="handle" value={handle} onChange={(event) => setHandle(event.target.value)} placeholder="@" aria-invalid={!!errors.handle} />
          {fieldError('handle')}
        </label>
        <label>
          {t('form.platform')}
          <select name="platform" value={platform} onChange={(event) => setPlatform(event.target.value as PlatformId)}>
            {PLATFORM_IDS.map((id) => (
              <option key={id} value={id}>
                {PLATFORM_NAMES[id]}
              </option>
            ))}
          </select>
        </label>
        {platform === 'mastodon' && (
          <label>
            {t('form.instance')}
            <input name="instance" value={instance} onChange={(event) => setInstance(event.target.value)} placeholder={t('form.instanceHint')} />
            {fieldError('instance')}
          </label>
        )}
        <label>
          {t('form.startUrl')}
          <input name="startUrl" value={startUrl} onChange={(event) => setStartUrl(event.target.value)} placeholder="https://" />
          <span className="hint">{t('form.startUrlHint')}</span>
          {fieldError('startUrl')}
        </label>
        <fieldset className="kind-choice">
          <legend>{t('form.kind')}</legend>
          {(['personal', 'brand'] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {t(value === 'personal' ? 'form.kindPersonal' : 'form.kindBrand')}
            </label>
          ))}
        </fieldset>
        <fieldset className="color-choice">
          <legend>{t('form.color')}</legend>
          <div className="swatches">
            {ACCOUNT_PALETTE.map((swatch) => (
              <button
                key={swatch}
                type="button"
                className={`swatch${swatch === color.toLowerCase() ? ' selected' : ''}`}
                style={{ background: swatch }}
                aria-label={t('form.colorPick', { color: swatch })}
                aria-pressed={swatch === color.toLowerCase()}
                onClick={() => setColor(swatch)}
              />
            ))}
            <input
              type="color"
              aria-label={t('form.color')}
              value={/^#[0-9a-f]{6}$/i.test(color) ? color : '#000000'}
              onChange={(event) => setColor(event.target.value)}
            />
          </div>
          <label>
            {t('form.colorHex')}
            <input name="color" value={color} onChange={(event) => setColor(event.target.value.trim())} aria-invalid={!!errors.color} />
          </label>
          {fieldError('color')}
        </fieldset>
        {account && gate && (
          <fieldset className="gate-settings">
            <legend>{t('form.gateSection')}</legend>
            <label>
              {t('form.gateMode')}
              <select name="gateMode" value={gate.mode} onChange={(event) => setGate({ ...gate, mode: event.target.value as GatePolicy['mode'] })}>
                {GATE_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`form.gateModes.${mode}`)}
                  </option>
                ))}
              </select>
            </label>
            {gate.mode === 'delay' && (
              <label>
                {t('form.delaySeconds')}
                <input
                  name="delaySeconds"
                  type="number"
                  min={1}
                  max={600}
                  value={gate.delaySeconds}
                  onChange={(event) => setGate({ ...gate, delaySeconds: Math.min(600, Math.max(1, Number(event.target.value) || 1)) })}
                />
              </label>
            )}
            <div className="action-switches" role="group" aria-label={t('form.actions')}>
              <span>{t('form.actions')}</span>
              {POST_ACTIONS.map((action) => (
                <label key={action} className="checkbox">
                  <input
                    type="checkbox"
                    name={`action-${action}`}
                    checked={gate.actions[action]}
                    onChange={(event) => setGate({ ...gate, actions: { ...gate.actions, [action]: event.target.checked } })}
                  />
                  {t(`actions.${action}`)}
                </label>
              ))}
            </div>
            <GateCoverageTable platform={account.platform} />
            <label>
              {t('form.watchWords')}
              <input name="watchWords" value={watchWords} onChange={(event) => setWatchWords(event.target.value)} />
            </label>
            <div className="identity-reset">
              <span className="hint">{t('form.identityHint')}</span>
              <button
                type="button"
                onClick={() => {
                  api()
                    .invoke('gate:reset-identity', account.id)
                    .then(() => setIdentityReset(true))
                    .catch(report);
                }}
                disabled={identityReset}
              >
                {identityReset ? t('form.identityForgotten') : t('form.identityReset')}
              </button>
            </div>
          </fieldset>
        )}
        {account && (
          <fieldset>
            <label>
              {t('form.targetMinutes')}
              <input name="targetMinutes" type="number" min={1} value={targetMinutes} onChange={(event) => setTargetMinutes(event.target.value)} />
            </label>
            <label className="checkbox">
              <input type="checkbox" name="notifications" checked={notifications} onChange={(event) => setNotifications(event.target.checked)} />
              {t('form.notifications')}
            </label>
            <label className="checkbox">
              <input type="checkbox" name="hibernate" checked={hibernate} onChange={(event) => setHibernate(event.target.checked)} />
              {t('form.hibernate')}
            </label>
            <label className="checkbox">
              <input type="checkbox" name="unreadAlerts" checked={unreadAlerts} onChange={(event) => setUnreadAlerts(event.target.checked)} />
              {t('presence.alerts')}
            </label>
          </fieldset>
        )}
        {errors.form && (
          <p className="field-error" role="alert">
            {userMessage(t, errors.form, 'errors.generic')}
          </p>
        )}
        <div className="form-actions">
          {account && (
            <button type="button" className="danger-link" onClick={() => onRemove(account)}>
              {t('form.remove')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {account ? t('form.save') : t('form.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
