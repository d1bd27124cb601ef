// Test support for the model: a tiny plan and model small enough to compute every figure by hand, and real runs of it.
import type { MetricTemplate } from '../plan/metricLibrary';
import { findTemplate, metricFromTemplate } from '../plan/metricLibrary';
import { createEmptyPlan } from '../plan/newPlan';
import type { Metric, Plan } from '../plan/types';
import { DEFAULT_BUSINESS_FIGURES } from './defaults';
import { compileModel, TOTAL_VALUE, type CompiledPlanModel } from './compile';
import { MonteCarloRunner, probabilityBeats, scenarioVariant, summarizeMonteCarlo, type MonteCarloOutcome } from './monteCarlo';
import { MorrisRunner, morrisIndices, type MorrisResult } from './morris';
import { NO_SAVED_RUNS } from './savedRuns';
import { SobolRunner, sobolIndices, type SobolResult } from './sobol';
import type { Distribution, Estimate, PlanModel } from './stored';

export const fixed = (base: number): Estimate => ({ base, distribution: null });

const ranged = (base: number, kind: Distribution['kind'], low: number, high: number): Estimate => ({
  base,
  distribution: { kind, low, high },
});

const metric = (key: string): Metric => metricFromTemplate(findTemplate(key) as MetricTemplate, `m-${key}`);

/**
 * Contact Centre: revenue collective 40, AHT individual 60. Sales: revenue collective 100 (its share cannot move).
 * One goal whose KPI is revenue.
 */
export function tinyPlan(): Plan {
  return {
    ...createEmptyPlan('Tiny plan', new Date('2024-01-01T00:00:00.000Z')),
    id: 'tiny',
    metrics: [metric('revenue'), metric('aht'), metric('csat')],
    departments: [
      { id: 'd-cc', name: 'Contact Centre', headcount: 100, surveyResponsesPerMonth: 500 },
      { id: 'd-sales', name: 'Sales', headcount: 20, surveyResponsesPerMonth: 100 },
    ],
    goals: [{ id: 'g-rev', name: 'Grow revenue', description: '', kpiMetricId: 'm-revenue', owner: '' }],
    scorecard: [
      { departmentId: 'd-cc', metricId: 'm-revenue', kind: 'collective', weight: 40 },
      { departmentId: 'd-cc', metricId: 'm-aht', kind: 'individual', weight: 60 },
      { departmentId: 'd-sales', metricId: 'm-revenue', kind: 'collective', weight: 100 },
    ],
  };
}

/**
 * Line of sight 0.8, free riding 0.5 over the 2 departments sharing revenue, a straight-line returns curve, no
 * ramp, 12 months at 0 %. Reach: CC +1,000 revenue and −20 s AHT, Sales +5,000 revenue. AHT → CSAT 0.04 per
 * second. Values: revenue 0.4, AHT −1,500 per second, CSAT 100 per point two months later. One initiative:
 * 10,000 up front, 500 a month, −10 s AHT and +2 CSAT, 1 month late, ramping over 2.
 */
export function tinyModel(): PlanModel {
  return {
    settings: {
      horizonMonths: 12,
      discountRatePct: 0,
      collectiveShareOverride: null,
      lineOfSight: ranged(0.8, 'triangular', 0.5, 1),
      freeRiding: ranged(0.5, 'uniform', 0, 1),
      returnsCurvature: fixed(0),
      rampUpMonths: 0,
      business: { ...DEFAULT_BUSINESS_FIGURES },
      reach: [
        { departmentId: 'd-cc', metricId: 'm-revenue', fullEffortChange: fixed(1000) },
        { departmentId: 'd-cc', metricId: 'm-aht', fullEffortChange: ranged(-20, 'triangular', -30, -10) },
        { departmentId: 'd-sales', metricId: 'm-revenue', fullEffortChange: fixed(5000) },
      ],
      sideEffects: [
        {
          fromMetricId: 'm-aht',
          toMetricId: 'm-csat',
          perUnit: ranged(0.04, 'triangular', 0.02, 0.06),
          source: 'manual',
          note: '',
        },
      ],
      values: [
        { metricId: 'm-revenue', valuePerUnitPerMonth: fixed(0.4), lagMonths: 0, category: 'revenue', source: 'formula', note: '' },
        {
          metricId: 'm-aht',
          valuePerUnitPerMonth: ranged(-1500, 'normal', -2000, -1000),
          lagMonths: 0,
          category: 'cost',
          source: 'formula',
          note: '',
        },
        { metricId: 'm-csat', valuePerUnitPerMonth: fixed(100), lagMonths: 2, category: 'retention', source: 'manual', note: '' },
      ],
    },
    initiatives: [
      {
        id: 'i-coach',
        name: 'Coaching',
        description: '',
        enabled: true,
        oneOffCost: 10_000,
        recurringCostPerMonth: 500,
        effects: [
          { metricId: 'm-aht', change: ranged(-10, 'triangular', -15, -5) },
          { metricId: 'm-csat', change: fixed(2) },
        ],
        lagMonths: 1,
        rampUpMonths: 2,
      },
    ],
    scenarios: [
      { id: 's-all-in', name: 'All collective', description: '', overrides: [{ inputKey: 'collectiveShare:*', value: 100 }] },
    ],
    runs: NO_SAVED_RUNS,
  };
}

export interface TinyRunResults {
  compiled: CompiledPlanModel;
  monteCarlo: MonteCarloOutcome;
  sobol: SobolResult;
  morris: MorrisResult;
}

/** Real results of the three saved analyses on the tiny model: Monte Carlo of the base case against "All collective". */
export function tinyRunResults(): TinyRunResults {
  const compiled = compileModel(tinyPlan(), tinyModel());
  const scenarioIds = [null, 's-all-in'];
  const variants = scenarioIds.map((id) => scenarioVariant(compiled, tinyModel().scenarios.find((s) => s.id === id) ?? null));
  const mc = new MonteCarloRunner(compiled, { seed: 3, draws: 400, variants });
  const values = mc.runRange(0, 400);
  const beats = compiled.outputs.map((o) => ({
    outputKey: o.key,
    label: o.label,
    ...probabilityBeats(mc, compiled, values, 0, 1, o.key),
  }));
  const sobol = new SobolRunner(compiled, { seed: 3, n: 128, outputKeys: [TOTAL_VALUE] });
  const morris = new MorrisRunner(compiled, { seed: 3, trajectories: 6 });
  return {
    compiled,
    monteCarlo: { scenarioIds, summary: summarizeMonteCarlo(mc, compiled, values), beats },
    sobol: sobolIndices(sobol, compiled, sobol.runRange(0, 128), { outputKey: TOTAL_VALUE }),
    morris: morrisIndices(morris, compiled, morris.runRange(0, 6), TOTAL_VALUE),
  };
}
