// Locale-aware formatting of numbers, percentages, sizes and dates for display.

const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  let f = numberFormats.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, f);
  }
  return f.format(value);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money in the plan's currency ("€4,030", "$4,030"), in the reader's locale; whole units unless asked otherwise. */
export function formatMoney(value: number, currency: string, maximumFractionDigits = 0): string {
  const key = `${currency}:${maximumFractionDigits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits });
    moneyFormats.set(key, f);
  }
  return f.format(value);
}

export function formatPercent(value: number, maximumFractionDigits = 0): string {
  return `${formatNumber(value, maximumFractionDigits)} %`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : 'never';
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 days ago", "in 2 hours": for the export reminder and plan list. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds), 'second');
}
