// The headline figures: count, then the median (largest), mean, 90th percentile, extremes and share within target,
// side by side in calendar time and in business hours.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/accounts/settings.ts';
import type { LogSummary, TimeStats } from '../../../shared/log/statistics.ts';
import { formatDuration } from '../../../shared/log/duration-format.ts';
import { formatWeekdays } from '../../../shared/log/weekdays.ts';
import { formatClock, formatCount, formatShare } from './format.ts';

interface Props {
  summary: LogSummary;
  settings: Settings;
}

export function Figures({ summary, settings }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { businessHours } = settings;
  const days = formatWeekdays(businessHours.days, language);

  return (
    <section className="dash-card dash-figures" aria-labelledby="dash-figures-heading" data-testid="dash-figures">
      <h2 id="dash-figures-heading" className="dash-heading">
        {t('dashboard.figures.heading')}
      </h2>
      <div className="figures-count">
        <span className="figures-count-value" data-testid="figure-count">
          {formatCount(summary.total, language)}
        </span>
        <span className="figures-count-label">{t('dashboard.figures.replies', { count: summary.total })}</span>
        {summary.unknownStart > 0 && <span className="figures-unknown">{t('dashboard.figures.unknown', { count: summary.unknownStart })}</span>}
      </div>
      <div className="figures-columns">
        <StatsColumn id="calendar" title={t('dashboard.figures.calendar')} stats={summary.calendar} language={language} />
        <StatsColumn
          id="business"
          title={t('dashboard.figures.business')}
          note={t('dashboard.figures.schedule', {
            days,
            start: formatClock(businessHours.start, language),
            end: formatClock(businessHours.end, language),
            zone: businessHours.timeZone,
          })}
          stats={summary.business}
          language={language}
          // Most replies sent while the team was off duty explain a business median far below the calendar one.
          outside={
            summary.outsideHours * 2 > summary.business.count
              ? t('dashboard.figures.outsideHours', {
                  count: summary.outsideHours,
                  total: summary.business.count,
                  outside: formatCount(summary.outsideHours, language),
                  all: formatCount(summary.business.count, language),
                })
              : undefined
          }
        />
      </div>
    </section>
  );
}

function StatsColumn({
  id,
  title,
  note,
  outside,
  stats,
  language,
}: {
  id: string;
  title: string;
  note?: string;
  outside?: string | undefined;
  stats: TimeStats;
  language: string;
}) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    ['mean', formatDuration(stats.mean, language)],
    ['p90', formatDuration(stats.p90, language)],
    ['fastest', formatDuration(stats.fastest, language)],
    ['slowest', formatDuration(stats.slowest, language)],
    ['within', formatShare(stats.withinTarget, language)],
  ];
  return (
    <div className={`figures-column figures-${id}`} data-testid={`figures-${id}`}>
      <h3 className="figures-title">{title}</h3>
      <dl className="figures-list">
        <div className="figure figure-median">
          <dt>{t('dashboard.figures.median')}</dt>
          <dd data-testid={`median-${id}`}>{formatDuration(stats.median, language)}</dd>
        </div>
        {rows.map(([key, value]) => (
          <div className="figure" key={key}>
            <dt>{t(`dashboard.figures.${key}`)}</dt>
            <dd data-testid={`${key}-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {/* Notes come last, so both columns' figures sit on the same lines (the grid rows are shared). */}
      <div className="figures-notes">
        <p className="figures-timed">{t('dashboard.figures.timed', { count: stats.count })}</p>
        {note && <p className="figures-note">{note}</p>}
        {outside && (
          <p className="figures-outside" data-testid="outside-hours">
            {outside}
          </p>
        )}
      </div>
    </div>
  );
}
