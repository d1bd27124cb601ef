// Ranks candidate metrics by the strength of their link to one KPI at each metric's best lag.

import type { LagMode } from '../stats/lagScan';
import type { EffectTiming, MetricTestResult, SlopeEstimate } from './metricTest';

export interface RankInput {
  metricId: string;
  result: MetricTestResult;
}

export interface RankedMetric {
  /** 1 for the strongest link. */
  rank: number;
  metricId: string;
  lag: number;
  timing: EffectTiming;
  n: number;
  /** The mode's correlation at the best lag, with its 95 % Fisher interval. */
  r: number;
  ciLow: number;
  ciHigh: number;
  /** Bonferroni-adjusted p of the best lag. */
  adjustedP: number;
  significant: boolean;
  slope: SlopeEstimate;
}

export interface MetricRanking {
  /** The reading every result was computed in; null when there were no results. */
  mode: LagMode | null;
  /** Strongest |r| first; equal strengths by smaller adjusted p, then in input order. */
  ranked: RankedMetric[];
  /** Metrics the test could not be run on, with the reason, in input order. */
  notComputed: { metricId: string; reason: string }[];
}

/**
 * Metrics ranked by |r| at their best lag (the strength of the link, not the evidence for it, which the
 * interval and adjusted p carry). Results must come from one reading: an r of levels and an r of changes
 * measure different things.
 */
export function rankMetrics(results: readonly RankInput[]): MetricRanking {
  const modes = new Set(results.map((entry) => entry.result.mode));
  if (modes.size > 1) {
    throw new RangeError(`Results of different readings (${[...modes].join(', ')}) cannot be ranked together.`);
  }
  const notComputed: MetricRanking['notComputed'] = [];
  const ranked: RankedMetric[] = [];
  for (const { metricId, result } of results) {
    if (!result.ok) {
      notComputed.push({ metricId, reason: result.reason });
      continue;
    }
    const { best } = result;
    const { correlation } = best.test;
    ranked.push({
      rank: 0,
      metricId,
      lag: best.lag,
      timing: best.timing,
      n: best.test.n,
      r: correlation.r,
      ciLow: correlation.ciLow,
      ciHigh: correlation.ciHigh,
      adjustedP: best.adjustedP,
      significant: best.significant,
      slope: best.test.slope,
    });
  }
  ranked.sort((a, b) => Math.abs(b.r) - Math.abs(a.r) || a.adjustedP - b.adjustedP);
  ranked.forEach((entry, i) => {
    entry.rank = i + 1;
  });
  return { mode: results[0]?.result.mode ?? null, ranked, notComputed };
}
