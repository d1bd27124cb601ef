// Correlation findings kept in the plan, read as the model's evidence: slopes with intervals, lags in months.
import type { CorrelationFinding, FindingPeriod } from '../plan/types';

/** "+1 unit of `from` goes with +slope units of `to` per period, lagMonths later", with its 95 % interval. */
export interface SlopeEvidence {
  fromMetricId: string;
  toMetricId: string;
  slope: number;
  ciLow: number;
  ciHigh: number;
  lagMonths: number;
  /** Length of the data's period in months: a revenue slope per quarter is a third of it per month. */
  monthsPerPeriod: number;
}

export interface ModelEvidence {
  slopes: SlopeEvidence[];
}

/** Mean calendar lengths (365.25 days / 12 per month). */
export const MONTHS_PER_PERIOD: Readonly<Record<FindingPeriod, number>> = {
  day: 12 / 365.25,
  week: (7 * 12) / 365.25,
  month: 1,
  quarter: 3,
};

/** A kept finding as evidence; its lag is rounded to whole months. */
export function findingEvidence(finding: CorrelationFinding): SlopeEvidence {
  const monthsPerPeriod = MONTHS_PER_PERIOD[finding.period];
  return {
    fromMetricId: finding.metricId,
    toMetricId: finding.kpiMetricId,
    slope: finding.slope,
    ciLow: finding.slopeLow,
    ciHigh: finding.slopeHigh,
    lagMonths: Math.round(finding.lag * monthsPerPeriod),
    monthsPerPeriod,
  };
}

/** The evidence a plan carries: each kept finding (a later finding of the same pair replaces an earlier one). */
export function planEvidence(findings: readonly CorrelationFinding[]): ModelEvidence {
  const byPair = new Map<string, SlopeEvidence>();
  for (const finding of findings) byPair.set(`${finding.metricId} ${finding.kpiMetricId}`, findingEvidence(finding));
  return { slopes: [...byPair.values()] };
}
