// The manager's own publishing endpoints for sites Hatrack has no rules for: host, path pattern, method.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customRuleSchema, type CustomRule } from '../../../shared/platforms/custom-rules.ts';

export function CustomRulesEditor({ rules, onChange }: { rules: CustomRule[]; onChange: (rules: CustomRule[]) => void }) {
  const { t } = useTranslation();
  const [host, setHost] = useState('');
  const [pathPattern, setPathPattern] = useState('/');
  const [method, setMethod] = useState('POST');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const parsed = customRuleSchema.safeParse({
      id: `rule-${Date.now().toString(36)}`,
      host: host.trim().toLowerCase(),
      pathPattern: pathPattern.trim(),
      method,
    });
    if (!parsed.success) {
      setError(t('rules.invalid'));
      return;
    }
    setError(null);
    onChange([...rules, parsed.data]);
    setHost('');
    setPathPattern('/');
  };

  return (
    <fieldset className="rules" data-testid="custom-rules">
      <legend>{t('rules.title')}</legend>
      <p className="hint">{t('rules.hint')}</p>
      <p className="hint">{t('gateRules.methodNote')}</p>
      {rules.length > 0 && (
        <ul className="rule-list">
          {rules.map((rule) => (
            <li key={rule.id}>
              <code>
                {rule.method} {rule.host}
                {rule.pathPattern}
              </code>
              <button type="button" onClick={() => onChange(rules.filter((candidate) => candidate.id !== rule.id))}>
                {t('rules.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="rule-add">
        <label>
          {t('rules.method')}
          <select name="ruleMethod" value={method} onChange={(event) => setMethod(event.target.value)}>
            {['POST', 'PUT', 'PATCH', '*'].map((verb) => (
              <option key={verb}>{verb}</option>
            ))}
          </select>
        </label>
        <label>
          {t('rules.host')}
          <input name="ruleHost" value={host} onChange={(event) => setHost(event.target.value)} placeholder="forum.example.com" />
        </label>
        <label>
          {t('rules.path')}
          <input name="rulePath" value={pathPattern} onChange={(event) => setPathPattern(event.target.value)} placeholder="/api/posts*" />
        </label>
        <button type="button" onClick={add}>
          {t('rules.add')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
