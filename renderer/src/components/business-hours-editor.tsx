// Business hours for the business-time statistics: working days, opening and closing time, time zone.
import { useTranslation } from 'react-i18next';
import type { BusinessHours } from '../../../shared/accounts/settings.ts';
import { ClockField } from './date-time-fields.tsx';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function BusinessHoursEditor({ value, onChange }: { value: BusinessHours; onChange: (value: BusinessHours) => void }) {
  const { t, i18n } = useTranslation();
  // 2024-01-01 was a Monday: day n of ISO week is that date plus n-1 days.
  const dayName = (day: number) => new Date(Date.UTC(2024, 0, day)).toLocaleDateString(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [value.timeZone];
  return (
    <fieldset data-testid="business-hours">
      <legend>{t('settings.businessHours')}</legend>
      <div className="day-switches" role="group" aria-label={t('settings.days')}>
        {DAYS.map((day) => (
          <label key={day} className="checkbox">
            <input
              type="checkbox"
              name={`day-${day}`}
              checked={value.days.includes(day)}
              onChange={(event) =>
                onChange({ ...value, days: event.target.checked ? [...value.days, day].sort() : value.days.filter((other) => other !== day) })
              }
            />
            {dayName(day)}
          </label>
        ))}
      </div>
      <div className="hours-row">
        <label>
          {t('settings.opens')}
          <ClockField name="opens" value={value.start} onChange={(start) => start < value.end && onChange({ ...value, start })} />
        </label>
        <label>
          {t('settings.closes')}
          <ClockField name="closes" value={value.end} onChange={(end) => end > value.start && onChange({ ...value, end })} />
        </label>
        <label>
          {t('settings.timeZone')}
          <select name="timeZone" value={value.timeZone} onChange={(event) => onChange({ ...value, timeZone: event.target.value })}>
            {(zones.includes(value.timeZone) ? zones : [value.timeZone, ...zones]).map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
