// How the Model tab shows its numbers: money in the plan's currency, ROI in percent, changes in their metric's units,
// and a dash (never "NaN") for anything that is not a finite number.
import type { MetricUnit } from '../../domain/plan/types';
import { formatMoney, formatNumber, formatPercent } from '../format';

export const NOT_A_NUMBER = '—';

/** An output of the model (OutputSpec.unit): money, a ratio (ROI) or a change of a metric. */
export function formatOutput(value: number, unit: MetricUnit, currency: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  switch (unit) {
    case 'currency':
      return formatMoney(value, currency);
    case 'ratio': {
      // A huge ratio overflows when scaled to percent: that is still not a number a room can read.
      const percent = value * 100;
      return Number.isFinite(percent) ? formatPercent(percent, 0) : NOT_A_NUMBER;
    }
    case 'percent':
      return `${formatNumber(value, 2)} pp`;
    case 'seconds':
      return `${formatNumber(value, 1)} s`;
    default:
      return formatNumber(value, 2);
  }
}

export function formatMoneyOrDash(value: number | null, currency: string): string {
  return value === null || !Number.isFinite(value) ? NOT_A_NUMBER : formatMoney(value, currency);
}

/** A plain number with up to `digits` decimals, or a dash; a value that rounds to zero shows as 0, never "-0". */
export function formatValue(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return NOT_A_NUMBER;
  const text = formatNumber(value, digits);
  return /^[-−]0([.,]0*)?$/.test(text) ? text.replace(/^[-−]/, '') : text;
}

/** A grid value of an input of any size (a share of 35, a value of 11,666.667, a curvature of 0.25): about 4 significant digits. */
export function formatGridValue(value: number): string {
  const size = Math.abs(value);
  return formatValue(value, size >= 100 ? 0 : size >= 1 ? 2 : 3);
}

/** "Month 14", or a sentence for a project that never pays back within the horizon. */
export function formatPayback(month: number | null, horizonMonths: number): string {
  return month === null ? `not within ${horizonMonths} months` : `month ${month}`;
}

/** A select's options plus the value it holds, in order: a saved setting the app no longer offers still shows as chosen. */
export function withChoice(options: readonly number[], value: number): number[] {
  return options.includes(value) ? [...options] : [...options, value].sort((a, b) => a - b);
}
