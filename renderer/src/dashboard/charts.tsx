// The two charts: replies per response-time bucket, and the daily median over time; each with a data table for screen readers.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type LegendItem,
} from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { LogSummary } from '../../../shared/log/statistics.ts';
import { formatDuration } from '../../../shared/log/duration-format.ts';
import { durationStepMinutes } from './format.ts';

// Chart.js keeps a global registry; registering only what these two charts draw keeps the bundle lean.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

// Calendar is solid, business hours hollow and dashed: the series differ by shape as well as colour.
const CALENDAR = { fill: '#1e3a8a', line: '#1e3a8a' };
const BUSINESS = { fill: 'rgba(217, 119, 6, 0.18)', line: '#b45309' };

export function Charts({ summary }: { summary: LogSummary }) {
  const { t } = useTranslation();
  const timed = summary.calendar.count > 0;
  return (
    <div className="dash-charts">
      <figure className="dash-card dash-chart" data-testid="chart-buckets">
        <figcaption className="dash-heading">{t('dashboard.charts.buckets')}</figcaption>
        {timed ? <BucketsChart summary={summary} /> : <p className="dash-muted">{t('dashboard.charts.noData')}</p>}
      </figure>
      <figure className="dash-card dash-chart" data-testid="chart-daily">
        <figcaption className="dash-heading">{t('dashboard.charts.daily')}</figcaption>
        {summary.daily.length > 0 ? <DailyChart summary={summary} /> : <p className="dash-muted">{t('dashboard.charts.noData')}</p>}
      </figure>
    </div>
  );
}

function BucketsChart({ summary }: { summary: LogSummary }) {
  const { t } = useTranslation();
  const labels = summary.buckets.map((bucket) => t(`dashboard.buckets.${bucket.key}`, { defaultValue: bucket.label }));
  const options: ChartOptions<'bar'> = {
    animation: false,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, generateLabels: crispLabels } } },
    scales: {
      x: { grid: { display: false } },
      y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('dashboard.charts.count') } },
    },
  };
  const data = {
    labels,
    datasets: [
      {
        label: t('dashboard.charts.calendar'),
        data: summary.buckets.map((bucket) => bucket.calendar),
        backgroundColor: CALENDAR.fill,
        borderColor: CALENDAR.line,
        borderWidth: 2,
      },
      {
        label: t('dashboard.charts.business'),
        data: summary.buckets.map((bucket) => bucket.business),
        backgroundColor: BUSINESS.fill,
        borderColor: BUSINESS.line,
        borderWidth: 2,
        borderDash: [4, 3],
      },
    ],
  };
  const rows = summary.buckets.map((bucket, i) => ({
    key: bucket.key,
    label: labels[i] ?? bucket.key,
    calendar: String(bucket.calendar),
    business: String(bucket.business),
  }));
  return <ChartBox type="bar" options={options} data={data} label={t('dashboard.charts.buckets')} corner={t('dashboard.charts.bucket')} rows={rows} />;
}

function DailyChart({ summary }: { summary: LogSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const dayFormat = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  // Day labels are "YYYY-MM-DD" in the schedule's zone: formatted as that date in UTC, they name the same day.
  const labels = summary.daily.map((day) => (/^\d{4}-\d{2}-\d{2}$/.test(day.day) ? dayFormat.format(new Date(`${day.day}T12:00:00Z`)) : day.day));
  const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;
  const maxMinutes = Math.max(1, ...summary.daily.map((day) => minutes(Math.max(day.medianMs, day.businessMedianMs))));
  const stepSize = durationStepMinutes(maxMinutes);
  // The axis ends on the round step above the highest point, so no point sits clipped on the top edge.
  const axisMax = (Math.floor(maxMinutes / stepSize) + 1) * stepSize;
  const options: ChartOptions<'line'> = {
    animation: false,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      // Point-style markers (circle, square) as on the lines themselves: the series differ by shape, not colour alone.
      legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 12, boxHeight: 8, generateLabels: crispLabels } },
      tooltip: {
        callbacks: {
          label: (item) => t('dashboard.charts.tooltip', { label: item.dataset.label ?? '', value: formatDuration(Number(item.raw) * 60_000, language) }),
        },
      },
    },
    scales: {
      x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
      y: { beginAtZero: true, max: axisMax, ticks: { stepSize, callback: (value) => formatDuration(Number(value) * 60_000, language) } },
    },
  };
  const data = {
    labels,
    datasets: [
      {
        label: t('dashboard.charts.calendar'),
        data: summary.daily.map((day) => minutes(day.medianMs)),
        borderColor: CALENDAR.line,
        backgroundColor: CALENDAR.fill,
        pointRadius: 2.5,
        borderWidth: 2,
        tension: 0.2,
      },
      {
        label: t('dashboard.charts.business'),
        data: summary.daily.map((day) => minutes(day.businessMedianMs)),
        borderColor: BUSINESS.line,
        backgroundColor: BUSINESS.line,
        pointRadius: 2.5,
        pointStyle: 'rect' as const,
        borderWidth: 2,
        borderDash: [6, 4],
        tension: 0.2,
      },
    ],
  };
  const rows = summary.daily.map((day) => ({
    key: day.day,
    label: day.day,
    calendar: formatDuration(day.medianMs, language),
    business: formatDuration(day.businessMedianMs, language),
  }));
  return <ChartBox type="line" options={options} data={data} label={t('dashboard.charts.daily')} corner={t('dashboard.charts.day')} rows={rows} />;
}

/**
 * The default legend items without the series' dash pattern: a 2 px dash drawn around a 12 px marker blurs into a
 * smudge, so the marker keeps the colours and shape and draws its outline solid.
 */
function crispLabels(chart: ChartJS): LegendItem[] {
  return ChartJS.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({ ...item, lineDash: [], lineDashOffset: 0, lineWidth: 2 }));
}

/** One row of a chart's data table: the category, then the calendar and business-hours values as shown. */
interface ChartRow {
  key: string;
  label: string;
  calendar: string;
  business: string;
}

/** A chart drawn as an image named by its label, with its data table as the canvas's fallback content. */
function ChartBox<T extends 'bar' | 'line'>(props: { type: T; options: ChartOptions<T>; data: ChartData<T>; label: string; corner: string; rows: ChartRow[] }) {
  const { type, options, data, label, corner, rows } = props;
  return (
    <div className="chart-box">
      <Chart type={type} options={options} data={data} role="img" aria-label={label} fallbackContent={<ChartTable corner={corner} rows={rows} />} />
    </div>
  );
}

/** The data behind a chart as a table, for screen readers and when the canvas cannot draw. */
function ChartTable({ corner, rows }: { corner: string; rows: ChartRow[] }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          <th scope="col">{t('dashboard.charts.calendar')}</th>
          <th scope="col">{t('dashboard.charts.business')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.calendar}</td>
            <td>{row.business}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
