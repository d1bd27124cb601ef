// Month-by-month projection of a compiled model: metric and KPI paths, benefits by route and timing, costs, NPV/ROI/payback.
import type { MetricUnit } from '../plan/types';
import type { ChangeSource, CompiledPlanModel } from './compile';
import type { CashFlowSummary } from './roi';
import { initiativeCosts, summarizeCashFlows } from './roi';
import { baseInputs } from './sensitivityModel';
import type { ValueCategory } from './stored';

export interface MetricPath {
  metricId: string;
  name: string;
  unit: MetricUnit;
  /** Change from today in each month 0..horizon, in the metric's units. */
  monthly: number[];
}

export interface SourceCashFlow {
  kind: ChangeSource['kind'] | 'portfolio';
  id: string;
  name: string;
  /** Money each month 0..horizon (undiscounted). */
  benefits: number[];
  /** Benefits through metrics whose value follows at once (lag 0): handle time, FCR, conversion… */
  immediate: number[];
  /** Benefits through metrics whose value follows months later (NPS → revenue). */
  delayed: number[];
  byCategory: Record<ValueCategory, number[]>;
  costs: number[];
  summary: CashFlowSummary;
}

export interface Projection {
  horizonMonths: number;
  discountRatePct: number;
  /** Every metric of the plan, all sources together. */
  metrics: MetricPath[];
  /** The goals' KPIs, in goal order. */
  kpis: MetricPath[];
  /** The departments' effort under the weights (no cost: the effort is there anyway). */
  weighting: SourceCashFlow;
  /** Each enabled initiative alone. */
  initiatives: SourceCashFlow[];
  /** All enabled initiatives together. */
  portfolio: SourceCashFlow;
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

function sum(flows: readonly SourceCashFlow[], pick: (f: SourceCashFlow) => number[], n: number): number[] {
  const total = zeros(n);
  for (const f of flows) pick(f).forEach((x, t) => (total[t] = (total[t] as number) + x));
  return total;
}

/** The projection of one input vector (default the base case); its present values equal the evaluator's outputs. */
export function projectModel(model: CompiledPlanModel, inputs: Float64Array = baseInputs(model)): Projection {
  const H = model.horizonMonths;
  const n = H + 1;
  const M = model.metrics.length;
  const changes = new Float64Array(model.sources.length * M);
  model.steadyChanges(inputs, changes);

  const metrics: MetricPath[] = model.metrics.map((metric, m) => {
    const monthly = zeros(n);
    model.sources.forEach((source, src) => {
      const full = changes[src * M + m] as number;
      for (let t = 0; t < n; t++) monthly[t] = (monthly[t] as number) + full * (source.profile[t] as number);
    });
    return { metricId: metric.id, name: metric.name, unit: metric.unit, monthly };
  });

  const flows: SourceCashFlow[] = model.sources.map((source, src) => {
    const benefits = zeros(n);
    const immediate = zeros(n);
    const delayed = zeros(n);
    const byCategory: Record<ValueCategory, number[]> = { revenue: zeros(n), cost: zeros(n), retention: zeros(n) };
    for (const value of model.values) {
      const perMonth = (inputs[value.inputIndex] as number) * (changes[src * M + value.metricIndex] as number);
      const timing = value.lagMonths === 0 ? immediate : delayed;
      const category = byCategory[value.category];
      for (let t = value.lagMonths + 1; t < n; t++) {
        const money = perMonth * (source.profile[t - value.lagMonths] as number);
        benefits[t] = (benefits[t] as number) + money;
        timing[t] = (timing[t] as number) + money;
        category[t] = (category[t] as number) + money;
      }
    }
    const costs = [...initiativeCosts(source.oneOffCost, source.recurringCostPerMonth, H)];
    return {
      kind: source.kind,
      id: source.id,
      name: source.name,
      benefits,
      immediate,
      delayed,
      byCategory,
      costs,
      summary: summarizeCashFlows(benefits, costs, model.discountRatePct),
    };
  });

  const initiatives = flows.slice(1);
  const portfolioBenefits = sum(initiatives, (f) => f.benefits, n);
  const portfolioCosts = sum(initiatives, (f) => f.costs, n);
  const portfolio: SourceCashFlow = {
    kind: 'portfolio',
    id: '',
    name: 'All initiatives',
    benefits: portfolioBenefits,
    immediate: sum(initiatives, (f) => f.immediate, n),
    delayed: sum(initiatives, (f) => f.delayed, n),
    byCategory: {
      revenue: sum(initiatives, (f) => f.byCategory.revenue, n),
      cost: sum(initiatives, (f) => f.byCategory.cost, n),
      retention: sum(initiatives, (f) => f.byCategory.retention, n),
    },
    costs: portfolioCosts,
    summary: summarizeCashFlows(portfolioBenefits, portfolioCosts, model.discountRatePct),
  };

  return {
    horizonMonths: H,
    discountRatePct: model.discountRatePct,
    metrics,
    kpis: model.kpiMetricIndices.map((m) => metrics[m] as MetricPath),
    weighting: flows[0] as SourceCashFlow,
    initiatives,
    portfolio,
  };
}
