// App settings: language, hibernation, how long an unanswered post is held, and log privacy.
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/accounts/settings.ts';
import type { Account } from '../../../shared/accounts/account.ts';
import { AccountMemoryList } from './account-memory.tsx';
import { BusinessHoursEditor } from './business-hours-editor.tsx';
import { CustomRulesEditor } from './custom-rules-editor.tsx';
import { HarCheck } from './har-check.tsx';
import { Modal } from './modal.tsx';

export function SettingsPanel({
  settings,
  onChange,
  onClose,
  accounts = [],
}: {
  settings: Settings;
  onChange: (patch: SettingsPatch) => void;
  onClose: () => void;
  accounts?: Account[];
}) {
  const { t } = useTranslation();
  return (
    <Modal title={t('settings.title')} onClose={onClose} testId="settings-panel" wide>
      <div className="form">
        <label>
          {t('settings.language')}
          <select name="locale" value={settings.locale} onChange={(event) => onChange({ locale: event.target.value as Settings['locale'] })}>
            <option value="system">{t('settings.languageSystem')}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        <NumberField name="hibernateMinutes" label={t('settings.hibernate')} range={[1, 1440, 10]} settings={settings} onChange={onChange} />
        <NumberField name="gateTimeoutSeconds" label={t('settings.gateTimeout')} range={[10, 3600, 120]} settings={settings} onChange={onChange} />
        <label className="checkbox">
          <input type="checkbox" name="logText" checked={settings.logText} onChange={(event) => onChange({ logText: event.target.checked })} />
          {t('settings.logText')}
        </label>
        <BusinessHoursEditor value={settings.businessHours} onChange={(businessHours) => onChange({ businessHours })} />
        <CustomRulesEditor rules={settings.customRules} onChange={(customRules) => onChange({ customRules })} />
        <HarCheck />
        {accounts.length > 0 && <AccountMemoryList accounts={accounts} />}
        <div className="form-actions">
          <button type="button" className="primary" onClick={onClose}>
            {t('settings.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/**
 * A whole-number setting, saved when the field loses focus: clamped to [min, max], and the fallback where the text is
 * not a number (an emptied field); the field then shows the value saved.
 */
function NumberField(props: {
  name: 'hibernateMinutes' | 'gateTimeoutSeconds';
  label: string;
  range: [min: number, max: number, fallback: number];
  settings: Settings;
  onChange: (patch: SettingsPatch) => void;
}) {
  const { name, label, range, settings, onChange } = props;
  const [min, max, fallback] = range;
  return (
    <label>
      {label}
      <input
        name={name}
        type="number"
        min={min}
        max={max}
        defaultValue={settings[name]}
        onBlur={(event) => {
          const typed = Number.parseInt(event.target.value, 10);
          // 0 is a number (below the minimum), not an emptied field: only text that is no number takes the fallback.
          const value = Number.isNaN(typed) ? fallback : Math.min(max, Math.max(min, typed));
          // The field is uncontrolled: without this it would go on showing what was typed, not what was saved.
          event.target.value = String(value);
          onChange({ [name]: value });
        }}
      />
    </label>
  );
}
