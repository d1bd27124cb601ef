// Starting a cascade for a target: the rules its metric sets, the default roll-up, the root and new parts.

import type { Metric } from '../plan/types';
import type { CascadeRules } from './cascade';
import type { Cascade, CascadeAggregation, CascadeMethod, CascadeNode, CascadeNodeKind, Target } from './stored';

/** The metric's scale and the target's benchmark: what every re-balance of its cascade must respect. */
export function cascadeRules(metric: Pick<Metric, 'scaleMin' | 'scaleMax'>, target: Pick<Target, 'benchmark'>): CascadeRules {
  return { scaleMin: metric.scaleMin, scaleMax: metric.scaleMax, benchmark: target.benchmark?.value ?? null };
}

/**
 * How a metric's parts add up unless the user says otherwise: totals (revenue, counts) sum; scores, shares and
 * averages are pooled by their responses (or contacts), never averaged plainly.
 */
export function defaultAggregation(metric: Pick<Metric, 'key' | 'unit'>): CascadeAggregation {
  return metric.unit === 'count' || metric.key === 'revenue' ? 'sum' : 'weighted-mean';
}

/** Decimals a cascade of this metric is shown with by default: whole points for scores, one decimal for shares. */
export function defaultDecimals(metric: Pick<Metric, 'unit'>): number {
  switch (metric.unit) {
    case 'rating':
    case 'ratio':
      return 2;
    case 'percent':
      return 1;
    case 'score':
    case 'seconds':
    case 'currency':
    case 'count':
      return 0;
  }
}

export interface NewPart {
  id: string;
  name: string;
  kind: CascadeNodeKind;
  departmentId: string | null;
  baseline: number;
  responses: number;
}

/** A part of the cascade as it joins: at its baseline, unlocked, splitting among its own parts like its parent. */
export function newPart(part: NewPart, method: CascadeMethod): CascadeNode {
  return { ...part, weight: 0, target: part.baseline, locked: false, benchmark: null, method, children: [] };
}

/**
 * A cascade with only its top: the target's baseline and value, and the expected responses a month as its volume.
 * Parts are then added with cascade.addChild, which re-balances as each one joins.
 */
export function startCascade(
  target: Pick<Target, 'baseline' | 'targetValue' | 'expectedResponsesPerMonth'>,
  metric: Pick<Metric, 'key' | 'unit'>,
  top: { id: string; name: string; method: CascadeMethod },
): Cascade {
  return {
    aggregation: defaultAggregation(metric),
    decimals: defaultDecimals(metric),
    root: {
      id: top.id,
      name: top.name,
      kind: 'company',
      departmentId: null,
      weight: 1,
      responses: target.expectedResponsesPerMonth ?? 0,
      baseline: target.baseline.value,
      target: target.targetValue,
      locked: false,
      benchmark: null,
      method: top.method,
      children: [],
    },
  };
}
