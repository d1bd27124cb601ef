// Leading or lagging from the data: do a metric's changes come before the KPI's changes or after them?

import type { Timing } from '../plan/types';
import type { PearsonResult } from '../stats/correlation';
import { completePairs, pearsonOfPairs } from '../stats/correlation';
import { completeLagPairs, differences } from '../stats/lagScan';
import { DEFAULT_MAX_LAG } from './metricTest';

export type LeadLagDirection = 'leads' | 'lags' | 'unclear';

export interface LeadLagOptions {
  /** Lags tried on each side, 1..maxLag; default min(12, ⌊n/3⌋) with n the paired changes. */
  maxLag?: number;
  /** Significance level of the Bonferroni-adjusted p; default 0.05. */
  alpha?: number;
  /** The metric library's label, to compare the data with. */
  label?: Timing;
}

/** The strongest correlation of changes on one side of lag 0. */
export interface LeadLagPeak {
  /** k > 0: the metric's change comes k periods before the KPI's; k < 0: |k| periods after it. */
  lag: number;
  r: number;
  p: number;
  /** p × the lags tried on both sides (Bonferroni), capped at 1. */
  adjustedP: number;
  significant: boolean;
}

export interface LeadLag {
  ok: true;
  direction: LeadLagDirection;
  maxLag: number;
  /** Cross-correlation of period-over-period changes at every lag −maxLag..maxLag, ascending. */
  profile: { lag: number; correlation: PearsonResult }[];
  /** Strongest |r| at lags 1..maxLag (the metric first), or null when none could be computed. */
  leading: LeadLagPeak | null;
  /** Strongest |r| at lags −maxLag..−1 (the KPI first), or null when none could be computed. */
  following: LeadLagPeak | null;
  /** Lags other than 0 that could be computed: the Bonferroni factor. */
  lagsTried: number;
  /** The library's label when given, else null. */
  label: Timing | null;
  /** The data contradict the label: a 'leading' metric whose changes follow the KPI's, or a 'lagging' one that leads. */
  disagrees: boolean;
  /** Why the direction was called, in plain English. */
  explanation: string;
}

export type LeadLagResult = LeadLag | { ok: false; reason: string };

function peak(
  profile: { lag: number; correlation: PearsonResult }[],
  side: 1 | -1,
  lagsTried: number,
  alpha: number,
): LeadLagPeak | null {
  let best: LeadLagPeak | null = null;
  for (const { lag, correlation } of profile) {
    if (Math.sign(lag) !== side || !correlation.ok) continue;
    const strength = Math.abs(correlation.r);
    const stronger =
      best === null ||
      strength > Math.abs(best.r) ||
      (strength === Math.abs(best.r) && Math.abs(lag) < Math.abs(best.lag)); // ties go to the shorter lag
    if (stronger) {
      const adjustedP = Math.min(1, correlation.p * lagsTried);
      best = { lag, r: correlation.r, p: correlation.p, adjustedP, significant: adjustedP < alpha };
    }
  }
  return best;
}

function periods(k: number): string {
  return `${k} period${k === 1 ? '' : 's'}`;
}

/**
 * Whether the metric's changes precede or follow the KPI's: the period-over-period changes are cross-correlated
 * at lags −L..L; the metric 'leads' when the strongest correlation with the metric first (k ≥ 1) is significant
 * after Bonferroni over the 2L lags and the strongest with the KPI first (k ≤ −1) is not, 'lags' the other way
 * round, and 'unclear' when neither side or both sides are significant (no signal, or feedback both ways).
 * Lag 0 (changes in the same period) says nothing about order and is left out.
 */
export function leadLag(metric: ArrayLike<number>, kpi: ArrayLike<number>, options: LeadLagOptions = {}): LeadLagResult {
  if (metric.length !== kpi.length) {
    throw new RangeError(`The metric (${metric.length}) and the KPI (${kpi.length}) must lie on one period grid.`);
  }
  if (options.maxLag !== undefined && (!Number.isInteger(options.maxLag) || options.maxLag < 1)) {
    throw new RangeError(`The largest lag must be a whole number of periods ≥ 1, got ${options.maxLag}.`);
  }
  const alpha = options.alpha ?? 0.05;
  const metricChanges = differences(metric);
  const kpiChanges = differences(kpi);
  const paired = completePairs(metricChanges, kpiChanges).x.length;
  const maxLag = options.maxLag ?? Math.min(DEFAULT_MAX_LAG, Math.floor(paired / 3));
  if (maxLag < 1) {
    return {
      ok: false,
      reason:
        `Only ${paired} period-over-period changes are available in both series; ` +
        'at least 3 are needed to compare leads and lags.',
    };
  }
  const profile: { lag: number; correlation: PearsonResult }[] = [];
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const series = completeLagPairs(metricChanges, kpiChanges, lag);
    profile.push({ lag, correlation: pearsonOfPairs({ x: series.metric, y: series.kpi }) });
  }
  const lagsTried = profile.filter((entry) => entry.lag !== 0 && entry.correlation.ok).length;
  if (lagsTried === 0) {
    const first = profile.find((entry) => entry.lag !== 0 && !entry.correlation.ok)?.correlation;
    const why = first && !first.ok ? ` ${first.reason}` : '';
    return { ok: false, reason: `No lag other than 0 could be computed from the changes.${why}` };
  }
  const leading = peak(profile, 1, lagsTried, alpha);
  const following = peak(profile, -1, lagsTried, alpha);
  const leads = leading?.significant === true;
  const lags = following?.significant === true;
  const direction: LeadLagDirection = leads && !lags ? 'leads' : lags && !leads ? 'lags' : 'unclear';

  const ordered = (peakLag: LeadLagPeak, order: 'before' | 'after'): string =>
    `The metric's changes come ${periods(Math.abs(peakLag.lag))} ${order} matching changes in the KPI ` +
    `(r = ${peakLag.r.toFixed(2)}); nothing comparable runs the other way.`;
  let explanation: string;
  if (direction === 'leads' && leading) {
    explanation = ordered(leading, 'before');
  } else if (direction === 'lags' && following) {
    explanation = ordered(following, 'after');
  } else if (leads && lags) {
    explanation = 'Changes are linked in both orders (feedback), so neither series can be said to lead.';
  } else {
    explanation =
      `No lag of up to ${periods(maxLag)} in either order links the changes clearly ` +
      `once the ${lagsTried} lags tried are allowed for.`;
  }
  const label = options.label ?? null;
  const disagrees = (label === 'leading' && direction === 'lags') || (label === 'lagging' && direction === 'leads');
  return { ok: true, direction, maxLag, profile, leading, following, lagsTried, label, disagrees, explanation };
}
