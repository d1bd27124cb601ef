// The benchmark's model (6 departments × 12 metrics, 30 uncertain inputs) and the bare evaluation loop engines are timed against.
import type { MetricTemplate } from '../plan/metricLibrary';
import { findTemplate, metricFromTemplate } from '../plan/metricLibrary';
import { createEmptyPlan } from '../plan/newPlan';
import type { Metric, Plan, ScorecardEntry } from '../plan/types';
import type { CompiledPlanModel } from './compile';
import { compileModel } from './compile';
import { DEFAULT_BUSINESS_FIGURES } from './defaults';
import { OWNER_FULL_EFFORT_CHANGE } from './libraryDefaults';
import type { SensitivityModel } from './sensitivityModel';
import { MonteCarloRunner } from './monteCarlo';
import { baseInputs } from './sensitivityModel';
import { NO_SAVED_RUNS } from './savedRuns';
import type { Estimate, MetricValue, PlanModel, Reach, SideEffect } from './stored';
import { ROUTE_OF_METRIC_KEY, routeValue } from './valueRoutes';

const KEYS = [
  'revenue',
  'nps',
  'csat',
  'ces',
  'fcr',
  'aht',
  'churn_rate',
  'conversion_rate',
  'aov',
  'clv',
  'repeat_contact_rate',
  'sla_compliance',
];
const LINKS: [string, string, number][] = [
  ['aht', 'csat', 0.04],
  ['aht', 'fcr', 0.05],
  ['fcr', 'csat', 0.2],
  ['csat', 'nps', 0.3],
  ['ces', 'churn_rate', 0.1],
  ['sla_compliance', 'csat', 0.1],
];
/** Reach of these (department, metric) pairs is uncertain: 3 behaviour + 12 values + 6 links + 9 reach = 30. */
const UNCERTAIN_REACH: [number, number][] = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 4],
  [4, 5],
  [5, 6],
  [0, 7],
  [1, 8],
  [2, 9],
];

const fixed = (base: number): Estimate => ({ base, distribution: null });
const ranged = (base: number): Estimate => ({
  base,
  distribution: { kind: 'triangular', low: Math.min(base * 0.5, base * 1.5), high: Math.max(base * 0.5, base * 1.5) },
});

/** The plan and model of the benchmark: every department scores all 12 metrics, revenue and NPS collectively. */
export function benchmarkPlanAndModel(): { plan: Plan; model: PlanModel } {
  const metrics: Metric[] = KEYS.map((key) => metricFromTemplate(findTemplate(key) as MetricTemplate, `bench-${key}`));
  const departments = Array.from({ length: 6 }, (_, d) => ({
    id: `bench-dept-${d}`,
    name: `Department ${d + 1}`,
    headcount: 50,
    surveyResponsesPerMonth: 500,
  }));
  const scorecard: ScorecardEntry[] = departments.flatMap((dept) =>
    metrics.map((metric, m) => ({
      departmentId: dept.id,
      metricId: metric.id,
      kind: m < 2 ? ('collective' as const) : ('individual' as const),
      weight: m < 2 ? 20 : 6,
    })),
  );
  const plan: Plan = {
    ...createEmptyPlan('Benchmark plan', new Date('2024-01-01T00:00:00.000Z')),
    id: 'bench-plan',
    goals: ['revenue', 'churn_rate', 'nps', 'fcr'].map((key) => ({
      id: `bench-goal-${key}`,
      name: key,
      description: '',
      kpiMetricId: `bench-${key}`,
      owner: '',
    })),
    metrics,
    departments,
    scorecard,
    settings: { currency: 'EUR' },
  };
  const uncertain = new Set(UNCERTAIN_REACH.map(([d, m]) => `${d} ${m}`));
  const reach: Reach[] = departments.flatMap((dept, d) =>
    metrics.map((metric, m) => {
      const base = (OWNER_FULL_EFFORT_CHANGE[metric.key] ?? 1) * (d === m % 6 ? 1 : 0.5);
      return { departmentId: dept.id, metricId: metric.id, fullEffortChange: uncertain.has(`${d} ${m}`) ? ranged(base) : fixed(base) };
    }),
  );
  const sideEffects: SideEffect[] = LINKS.map(([from, to, perUnit]) => ({
    fromMetricId: `bench-${from}`,
    toMetricId: `bench-${to}`,
    perUnit: ranged(perUnit),
    source: 'manual',
    note: '',
  }));
  const values: MetricValue[] = metrics.map((metric) => {
    const route = ROUTE_OF_METRIC_KEY[metric.key];
    const value =
      route === undefined
        ? { valuePerUnitPerMonth: 25_000, category: 'revenue' as const }
        : routeValue(route, DEFAULT_BUSINESS_FIGURES, 'EUR');
    return {
      metricId: metric.id,
      valuePerUnitPerMonth: ranged(value.valuePerUnitPerMonth),
      lagMonths: metric.key === 'nps' ? 3 : 0,
      category: value.category,
      source: 'manual',
      note: '',
    };
  });
  const model: PlanModel = {
    settings: {
      horizonMonths: 36,
      discountRatePct: 8,
      collectiveShareOverride: null,
      lineOfSight: { base: 0.8, distribution: { kind: 'triangular', low: 0.5, high: 1 } },
      freeRiding: { base: 0.5, distribution: { kind: 'uniform', low: 0.2, high: 0.8 } },
      returnsCurvature: { base: 5, distribution: { kind: 'normal', low: 3, high: 7 } },
      rampUpMonths: 6,
      business: { ...DEFAULT_BUSINESS_FIGURES },
      reach,
      sideEffects,
      values,
    },
    initiatives: [
      {
        id: 'bench-initiative-1',
        name: 'Initiative 1',
        description: '',
        enabled: true,
        oneOffCost: 250_000,
        recurringCostPerMonth: 12_000,
        effects: [{ metricId: 'bench-fcr', change: fixed(4) }],
        lagMonths: 2,
        rampUpMonths: 4,
      },
      {
        id: 'bench-initiative-2',
        name: 'Initiative 2',
        description: '',
        enabled: true,
        oneOffCost: 400_000,
        recurringCostPerMonth: 8_000,
        effects: [{ metricId: 'bench-ces', change: fixed(-0.15) }],
        lagMonths: 3,
        rampUpMonths: 6,
      },
    ],
    scenarios: [],
    runs: NO_SAVED_RUNS,
  };
  return { plan, model };
}

/** The benchmark's compiled model. */
export function benchmarkModel(): CompiledPlanModel {
  const { plan, model } = benchmarkPlanAndModel();
  return compileModel(plan, model);
}

/**
 * `count` input vectors drawn as the Monte Carlo draws them (seeded), laid end to end: the inputs a fair bare loop
 * evaluates. A loop over one constant vector would flatter the model: branches inside Math.exp and friends are
 * then perfectly predicted, which real draws never allow.
 */
export function drawInputRows(model: SensitivityModel, count: number, seed: number): Float64Array {
  const P = model.inputs.length;
  const rows = new Float64Array(count * P);
  let row = 0;
  const recorder: SensitivityModel = {
    inputs: model.inputs,
    outputs: [],
    evaluate: (inputs) => {
      rows.set(inputs, row * P);
      row++;
    },
  };
  new MonteCarloRunner(recorder, { seed, draws: count }).runRange(0, count);
  return rows;
}

/**
 * The baseline the engines are timed against: `runs` evaluations of the model and nothing else, cycling through
 * pre-drawn input rows (drawInputRows) copied into one vector, or on the base inputs when no rows are given.
 * Returns the sum of the first output so the work cannot be optimised away.
 */
export function bareLoop(model: SensitivityModel, runs: number, rows: Float64Array | null = null): number {
  const P = model.inputs.length;
  const inputs = baseInputs(model);
  const out = new Float64Array(model.outputs.length);
  const rowCount = rows === null ? 0 : rows.length / P;
  let checksum = 0;
  let row = 0;
  for (let r = 0; r < runs; r++) {
    if (rows !== null) {
      const offset = row * P;
      for (let i = 0; i < P; i++) inputs[i] = rows[offset + i] as number;
      row = row + 1 === rowCount ? 0 : row + 1;
    }
    model.evaluate(inputs, out);
    checksum += out[0] as number;
  }
  return checksum;
}
