// KPI conflicts: direction-adjusted correlations between every pair of plan metrics, for the heat map and warnings.

import type { Direction } from '../plan/types';
import { pearson } from '../stats/correlation';
import { differences } from '../stats/lagScan';

export interface ConflictSeries {
  metricId: string;
  /** Which way is better for the metric. */
  direction: Direction;
  /** One value per period of a grid shared by every series, NaN where missing. */
  values: ArrayLike<number>;
}

/** Which readings must agree before a pair is called aligned or in conflict. */
export type ConflictBasis = 'levels' | 'differences' | 'both';

export interface ConflictOptions {
  /** Significance level of each correlation test; default 0.05. */
  alpha?: number;
  /** Default 'both': the relation must show in levels and in period-over-period changes. */
  basis?: ConflictBasis;
}

/** Better moves with better (aligned), better with worse (conflict), or no significant link (none). */
export type PairRelation = 'aligned' | 'conflict' | 'none';

export type PairReading =
  | {
      ok: true;
      n: number;
      /** Pearson r on the periods (or changes) where both metrics have a value. */
      r: number;
      /** r with the sign turned so that positive means better goes with better. */
      adjustedR: number;
      p: number;
      relation: PairRelation;
    }
  | { ok: false; n: number; reason: string; relation: 'none' };

export interface MetricPair {
  a: string;
  b: string;
  levels: PairReading;
  /** The same test on period-over-period changes, which drifting series cannot fake. */
  differences: PairReading;
  /** The pair's relation under the chosen basis. */
  relation: PairRelation;
}

function sign(direction: Direction): 1 | -1 {
  return direction === 'higher' ? 1 : -1;
}

function reading(x: ArrayLike<number>, y: ArrayLike<number>, orientation: 1 | -1, alpha: number): PairReading {
  const test = pearson(x, y);
  if (!test.ok) return { ok: false, n: test.n, reason: test.reason, relation: 'none' };
  const adjustedR = orientation * test.r;
  const relation: PairRelation = test.p >= alpha ? 'none' : adjustedR > 0 ? 'aligned' : 'conflict';
  return { ok: true, n: test.n, r: test.r, adjustedR, p: test.p, relation };
}

function combine(levels: PairRelation, changes: PairRelation, basis: ConflictBasis): PairRelation {
  if (basis === 'levels') return levels;
  if (basis === 'differences') return changes;
  return levels === changes ? levels : 'none';
}

/**
 * Every pair of metrics (in input order, a before b) correlated pairwise-complete in levels and in
 * period-over-period changes, with r turned by both metrics' directions so that positive means "better goes
 * with better". A reading is 'aligned' or 'conflict' when its p is below alpha, else 'none'. The default basis
 * asks both readings to agree: levels alone are fooled by shared trends, changes alone by delayed links (a
 * metric that moves the other one period later shows a negative same-period correlation of changes).
 * No correction is made for the number of pairs: with many metrics, expect about alpha of the unrelated pairs
 * to pass a single reading by chance, which the 'both' basis makes much rarer.
 */
export function conflicts(series: readonly ConflictSeries[], options: ConflictOptions = {}): MetricPair[] {
  const alpha = options.alpha ?? 0.05;
  const basis = options.basis ?? 'both';
  const length = series[0]?.values.length ?? 0;
  const uneven = series.find((s) => s.values.length !== length);
  if (uneven) {
    const found = `${uneven.values.length} periods, not ${length}`;
    throw new RangeError(`Metric ${uneven.metricId} has ${found}: align the series first.`);
  }
  const changes = series.map((s) => differences(s.values));
  const pairs: MetricPair[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const a = series[i] as ConflictSeries;
      const b = series[j] as ConflictSeries;
      const orientation = (sign(a.direction) * sign(b.direction)) as 1 | -1;
      const levels = reading(a.values, b.values, orientation, alpha);
      const changed = reading(changes[i] as Float64Array, changes[j] as Float64Array, orientation, alpha);
      pairs.push({
        a: a.metricId,
        b: b.metricId,
        levels,
        differences: changed,
        relation: combine(levels.relation, changed.relation, basis),
      });
    }
  }
  return pairs;
}
