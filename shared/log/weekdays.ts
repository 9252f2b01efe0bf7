// Business days as short weekday names, one way for the dashboard and the reports (HTML, PDF, XLSX).

/**
 * ISO weekdays (1 = Monday) as short names in `language`, runs of three or more joined with a dash: "Mon–Fri",
 * "Mon, Wed, Sat–Sun", "lun.–ven.". Repeats and values outside 1–7 are ignored.
 */
export function formatWeekdays(days: readonly number[], language = 'en'): string {
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday, so ISO day d is 2024-01-0d.
  const name = (day: number): string => weekday.format(new Date(Date.UTC(2024, 0, day)));
  const sorted = [...new Set(days)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    if (j - i >= 2) parts.push(`${name(sorted[i] as number)}–${name(sorted[j] as number)}`);
    else for (let k = i; k <= j; k++) parts.push(name(sorted[k] as number));
    i = j + 1;
  }
  return parts.join(', ');
}
