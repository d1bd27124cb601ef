// A department's scorecard read out of the plan (measures, 100 % check), and rebalancing its weights.
import type { Id, Metric, Plan, ScorecardEntry } from './types';
import { PlanEditError } from './validation';

/** A scorecard's weights are percentages of the whole. */
export const SCORECARD_TOTAL = 100;
/** Sums such as 33.3 + 33.3 + 33.4 carry floating-point noise; anything closer than this counts as 100. */
export const SCORECARD_TOLERANCE = 1e-9;

export interface ScorecardLine {
  entry: ScorecardEntry;
  metric: Metric;
}

export interface DepartmentScorecard {
  departmentId: Id;
  /** Shared measures, in plan order. */
  collective: ScorecardLine[];
  /** The department's own measures, in plan order. */
  individual: ScorecardLine[];
  /** Sum of all weights, in percent. */
  total: number;
  /** Fraction (0..1) of the total weight on collective measures; 0 for an empty scorecard. */
  collectiveShare: number;
  /** True when the weights add up to 100 % (within SCORECARD_TOLERANCE). */
  valid: boolean;
  /** Why the scorecard is not valid, in words for the room; absent when valid. */
  message?: string;
}

/** A percentage for people: no float noise, no trailing zeros ("90", "99.5", "33.3333"). */
export function formatPercent(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export function scorecardFor(plan: Plan, departmentId: Id): DepartmentScorecard {
  if (!plan.departments.some((d) => d.id === departmentId)) {
    throw new PlanEditError('departmentId', `no department with id "${departmentId}" in this plan.`);
  }
  const metrics = new Map(plan.metrics.map((m) => [m.id, m]));
  const collective: ScorecardLine[] = [];
  const individual: ScorecardLine[] = [];
  let total = 0;
  let collectiveWeight = 0;
  for (const entry of plan.scorecard) {
    if (entry.departmentId !== departmentId) continue;
    const metric = metrics.get(entry.metricId);
    if (metric === undefined) continue;
    total += entry.weight;
    if (entry.kind === 'collective') {
      collective.push({ entry, metric });
      collectiveWeight += entry.weight;
    } else {
      individual.push({ entry, metric });
    }
  }
  const collectiveShare = total > 0 ? collectiveWeight / total : 0;
  const base = { departmentId, collective, individual, total, collectiveShare };
  if (collective.length + individual.length === 0) {
    return { ...base, valid: false, message: 'No measures yet; add measures whose weights add up to 100 %.' };
  }
  if (Math.abs(total - SCORECARD_TOTAL) <= SCORECARD_TOLERANCE) return { ...base, valid: true };
  return {
    ...base,
    valid: false,
    message: `Weights add up to ${formatPercent(total)} %; they must add up to ${SCORECARD_TOTAL} %.`,
  };
}

/**
 * Whole-number weights proportional to `weights` that sum to `total` exactly (largest-remainder method; ties go
 * to the earlier entry). All-zero weights are split as evenly as possible.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = sum > 0 ? weights.map((w) => (w / sum) * total) : weights.map(() => total / weights.length);
  // The epsilon keeps an exact quota such as 30 from flooring to 29 through float error.
  const floors = quotas.map((q) => Math.floor(q + 1e-9));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, remainder: q - (floors[i] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

/**
 * Rescales a department's scorecard weights to whole numbers summing to 100, keeping their proportions as closely
 * as whole numbers allow. A department without entries is returned unchanged (there is nothing to balance).
 */
export function balanceScorecard(plan: Plan, departmentId: Id): Plan {
  if (!plan.departments.some((d) => d.id === departmentId)) {
    throw new PlanEditError('departmentId', `no department with id "${departmentId}" in this plan.`);
  }
  const positions: number[] = [];
  plan.scorecard.forEach((e, i) => {
    if (e.departmentId === departmentId) positions.push(i);
  });
  if (positions.length === 0) return plan;
  const balanced = largestRemainder(
    positions.map((i) => plan.scorecard[i]?.weight ?? 0),
    SCORECARD_TOTAL,
  );
  const scorecard = [...plan.scorecard];
  positions.forEach((position, k) => {
    const entry = scorecard[position];
    if (entry !== undefined) scorecard[position] = { ...entry, weight: balanced[k] ?? 0 };
  });
  return { ...plan, scorecard };
}
