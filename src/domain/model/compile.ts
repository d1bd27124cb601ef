// Compiles a plan and its model into flat typed arrays and one allocation-free evaluator for the analysis engines.
import { scorecardFor } from '../plan/scorecard';
import type { Metric, Plan } from '../plan/types';
import {
  collectiveShareKey,
  effectKey,
  FREE_RIDING_KEY,
  LINE_OF_SIGHT_KEY,
  reachKey,
  RETURNS_CURVATURE_KEY,
  sideEffectKey,
  valueKey,
} from './inputKeys';
import { clamp, collectiveFocus, effortOn, monthlyDiscountFactor, normalisedReturn, rampFraction, returnsNormaliser } from './model';
import type { InputSpec, OutputSpec, SensitivityModel } from './sensitivityModel';
import type { Estimate, PlanModel, ValueCategory } from './stored';
import type { ModelProblem } from './validate';
import { MODEL_LIMITS, validateModel } from './validate';

export const WEIGHTING_VALUE = 'weightingValue';
export const INITIATIVES_NPV = 'initiativesNpv';
export const INITIATIVES_ROI = 'initiativesRoi';
export const TOTAL_VALUE = 'totalValue';
export const kpiOutputKey = (metricId: string): string => `kpi:${metricId}`;

/** Thrown by compileModel when the model has problems; the UI validates first and shows them at their fields. */
export class ModelInvalidError extends Error {
  readonly problems: ModelProblem[];

  constructor(problems: ModelProblem[]) {
    super(`The model cannot be computed: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
    this.name = 'ModelInvalidError';
    this.problems = problems;
  }
}

export interface CompiledDepartment {
  id: string;
  name: string;
  /** Position of the department's collective-share input, or −1 when its share cannot move (one kind of measure). */
  inputIndex: number;
  /** Collective share of its scorecard, percent. */
  scorecardSharePct: number;
}

/** Where metric changes come from: index 0 is the departments' effort under the weights, then each initiative. */
export interface ChangeSource {
  kind: 'weighting' | 'initiative';
  /** The initiative's id; "" for the weighting. */
  id: string;
  name: string;
  /** Fraction of the full effect reached in each month 0..horizon. */
  profile: Float64Array;
  oneOffCost: number;
  recurringCostPerMonth: number;
}

export interface CompiledValue {
  metricIndex: number;
  inputIndex: number;
  lagMonths: number;
  category: ValueCategory;
}

export interface CompiledPlanModel extends SensitivityModel {
  readonly horizonMonths: number;
  readonly discountRatePct: number;
  readonly departments: readonly CompiledDepartment[];
  /** The plan's metrics in plan order; metric index m refers to this list. */
  readonly metrics: readonly Metric[];
  readonly sources: readonly ChangeSource[];
  readonly values: readonly CompiledValue[];
  /** Metric indices of the goals' KPIs, one per distinct KPI, in goal order. */
  readonly kpiMetricIndices: readonly number[];
  /** Present value of all initiative costs (0 without initiatives). */
  readonly initiativeCostPv: number;
  /**
   * The full-effect change of every metric from every source, after side effects, into out[source × M + m]
   * (out.length = sources × metrics).
   */
  steadyChanges(inputs: Float64Array, out: Float64Array): void;
}

function metricLabel(metric: Metric | undefined): string {
  return metric === undefined ? '?' : metric.abbreviation || metric.name;
}

function estimateInput(key: string, label: string, estimate: Estimate): InputSpec {
  return { key, label, base: estimate.base, distribution: estimate.distribution };
}

/** Kahn's order of the metrics in the side-effect graph (validated to have no loops). */
function topologicalRank(metricCount: number, edges: readonly { from: number; to: number }[]): Int32Array {
  const indegree = new Int32Array(metricCount);
  for (const e of edges) indegree[e.to] = (indegree[e.to] as number) + 1;
  const rank = new Int32Array(metricCount);
  const queue: number[] = [];
  for (let m = 0; m < metricCount; m++) if (indegree[m] === 0) queue.push(m);
  let next = 0;
  for (let head = 0; head < queue.length; head++) {
    const m = queue[head] as number;
    rank[m] = next++;
    for (const e of edges) {
      if (e.from !== m) continue;
      indegree[e.to] = (indegree[e.to] as number) - 1;
      if (indegree[e.to] === 0) queue.push(e.to);
    }
  }
  return rank;
}

/**
 * Validates the model against the plan and compiles it. Inputs, in order: each adjustable department's collective
 * share (percent), line of sight, free riding, returns curvature, every reach, side effect, metric value and
 * initiative effect. Outputs: the weighting's value, the initiatives' NPV and ROI (when there are initiatives and
 * costs), the total, and each goal KPI's change by the horizon. See docs/model.md for the formulas.
 */
export function compileModel(plan: Plan, model: PlanModel): CompiledPlanModel {
  const problems = validateModel(plan, model);
  if (problems.length > 0) throw new ModelInvalidError(problems);
  const s = model.settings;
  const H = s.horizonMonths;
  const M = plan.metrics.length;
  const metricIndex = new Map(plan.metrics.map((m, i) => [m.id, i]));
  const metricOf = (id: string): number => metricIndex.get(id) as number;
  const inputs: InputSpec[] = [];
  const addInput = (input: InputSpec): number => inputs.push(input) - 1;

  // Departments and their shares.
  const departments: CompiledDepartment[] = [];
  const fixedShare: number[] = [];
  const pairs: { dept: number; metric: number; cw: number; iw: number; reachKey: string }[] = [];
  for (const department of plan.departments) {
    const card = scorecardFor(plan, department.id);
    if (card.collective.length + card.individual.length === 0) continue;
    const d = departments.length;
    const collectiveTotal = card.collective.reduce((sum, l) => sum + l.entry.weight, 0);
    const individualTotal = card.individual.reduce((sum, l) => sum + l.entry.weight, 0);
    const scorecardSharePct = card.collectiveShare * 100;
    const adjustable = collectiveTotal > 0 && individualTotal > 0;
    const inputIndex = adjustable
      ? addInput({
          key: collectiveShareKey(department.id),
          label: `Collective share: ${department.name}`,
          base: s.collectiveShareOverride ?? scorecardSharePct,
          distribution: null,
        })
      : -1;
    departments.push({ id: department.id, name: department.name, inputIndex, scorecardSharePct });
    fixedShare.push(adjustable ? -1 : collectiveTotal > 0 ? 1 : 0);
    const byMetric = new Map<number, { cw: number; iw: number }>();
    for (const line of [...card.collective, ...card.individual]) {
      const m = metricOf(line.metric.id);
      const pair = byMetric.get(m) ?? { cw: 0, iw: 0 };
      if (line.entry.kind === 'collective') pair.cw += collectiveTotal > 0 ? line.entry.weight / collectiveTotal : 0;
      else pair.iw += individualTotal > 0 ? line.entry.weight / individualTotal : 0;
      byMetric.set(m, pair);
    }
    for (const [m, pair] of byMetric) {
      pairs.push({ dept: d, metric: m, cw: pair.cw, iw: pair.iw, reachKey: reachKey(department.id, plan.metrics[m]?.id ?? '') });
    }
  }

  const iLineOfSight = addInput(estimateInput(LINE_OF_SIGHT_KEY, 'Line of sight to collective measures', s.lineOfSight));
  const iFreeRiding = addInput(estimateInput(FREE_RIDING_KEY, 'Free riding on shared measures', s.freeRiding));
  const iCurvature = addInput(estimateInput(RETURNS_CURVATURE_KEY, 'Diminishing returns (curvature)', s.returnsCurvature));

  const departmentName = new Map(plan.departments.map((d) => [d.id, d.name]));
  const reachInput = new Map<string, number>();
  for (const r of s.reach) {
    const key = reachKey(r.departmentId, r.metricId);
    const label = `Reach: ${departmentName.get(r.departmentId) ?? '?'} on ${metricLabel(plan.metrics[metricOf(r.metricId)])}`;
    reachInput.set(key, addInput(estimateInput(key, label, r.fullEffortChange)));
  }

  const edges = s.sideEffects.map((e) => ({
    from: metricOf(e.fromMetricId),
    to: metricOf(e.toMetricId),
    input: addInput(
      estimateInput(
        sideEffectKey(e.fromMetricId, e.toMetricId),
        `Side effect: ${metricLabel(plan.metrics[metricOf(e.fromMetricId)])} → ${metricLabel(plan.metrics[metricOf(e.toMetricId)])}`,
        e.perUnit,
      ),
    ),
  }));
  const rank = topologicalRank(M, edges);
  edges.sort((a, b) => (rank[a.from] as number) - (rank[b.from] as number));

  const values: CompiledValue[] = s.values.map((v) => ({
    metricIndex: metricOf(v.metricId),
    inputIndex: addInput(
      estimateInput(valueKey(v.metricId), `Value of ${metricLabel(plan.metrics[metricOf(v.metricId)])}`, v.valuePerUnitPerMonth),
    ),
    lagMonths: v.lagMonths,
    category: v.category,
  }));

  const profileOf = (lag: number, ramp: number): Float64Array =>
    Float64Array.from({ length: H + 1 }, (_, t) => rampFraction(t - lag, ramp));
  const sources: ChangeSource[] = [
    {
      kind: 'weighting',
      id: '',
      name: 'Scorecard effort',
      profile: profileOf(0, s.rampUpMonths),
      oneOffCost: 0,
      recurringCostPerMonth: 0,
    },
  ];
  const effects: { source: number; metric: number; input: number }[] = [];
  for (const initiative of model.initiatives) {
    if (!initiative.enabled) continue;
    const source = sources.length;
    sources.push({
      kind: 'initiative',
      id: initiative.id,
      name: initiative.name,
      profile: profileOf(initiative.lagMonths, initiative.rampUpMonths),
      oneOffCost: initiative.oneOffCost,
      recurringCostPerMonth: initiative.recurringCostPerMonth,
    });
    for (const effect of initiative.effects) {
      const key = effectKey(initiative.id, effect.metricId);
      const label = `Uplift: ${initiative.name} on ${metricLabel(plan.metrics[metricOf(effect.metricId)])}`;
      effects.push({ source, metric: metricOf(effect.metricId), input: addInput(estimateInput(key, label, effect.change)) });
    }
  }
  const S = sources.length;

  // Time: present-value factor of each (source, value) and each source's reach by the horizon.
  const monthly = monthlyDiscountFactor(s.discountRatePct);
  const discount = Float64Array.from({ length: H + 1 }, (_, t) => Math.pow(monthly, t));
  const V = values.length;
  const pvFactor = new Float64Array(S * V);
  sources.forEach((source, src) => {
    values.forEach((value, j) => {
      let factor = 0;
      for (let t = value.lagMonths + 1; t <= H; t++) factor += (source.profile[t - value.lagMonths] as number) * (discount[t] as number);
      pvFactor[src * V + j] = factor;
    });
  });
  const atHorizon = Float64Array.from(sources, (source) => source.profile[H] as number);
  let annuity = 0;
  for (let t = 1; t <= H; t++) annuity += discount[t] as number;
  const initiativeCostPv = sources.reduce((sum, source) => sum + source.oneOffCost + source.recurringCostPerMonth * annuity, 0);

  const kpiMetricIndices = [
    ...new Set(plan.goals.flatMap((g) => (g.kpiMetricId !== null && metricIndex.has(g.kpiMetricId) ? [metricOf(g.kpiMetricId)] : []))),
  ];
  const hasInitiatives = S > 1;
  const hasRoi = initiativeCostPv > 0;
  const outputs: OutputSpec[] = [{ key: WEIGHTING_VALUE, label: 'Value of the scorecard effort', unit: 'currency' }];
  if (hasInitiatives) outputs.push({ key: INITIATIVES_NPV, label: 'NPV of the initiatives', unit: 'currency' });
  if (hasRoi) outputs.push({ key: INITIATIVES_ROI, label: 'ROI of the initiatives', unit: 'ratio' });
  outputs.push({ key: TOTAL_VALUE, label: 'Total value', unit: 'currency' });
  for (const m of kpiMetricIndices) {
    const metric = plan.metrics[m] as Metric;
    outputs.push({ key: kpiOutputKey(metric.id), label: `${metricLabel(metric)} change by month ${H}`, unit: metric.unit });
  }
  const oNpv = hasInitiatives ? 1 : -1;
  const oRoi = hasRoi ? 2 : -1;
  const oTotal = 1 + (hasInitiatives ? 1 : 0) + (hasRoi ? 1 : 0);

  // Flat arrays for the hot loop.
  const D = departments.length;
  const shareInput = Int32Array.from(departments, (d) => d.inputIndex);
  const shareFixed = Float64Array.from(fixedShare);
  const effortPairs = pairs.filter((p) => reachInput.has(p.reachKey));
  const P = effortPairs.length;
  const pairDept = Int32Array.from(effortPairs, (p) => p.dept);
  const pairMetric = Int32Array.from(effortPairs, (p) => p.metric);
  const pairCw = Float64Array.from(effortPairs, (p) => p.cw);
  const pairIw = Float64Array.from(effortPairs, (p) => p.iw);
  const pairReach = Int32Array.from(effortPairs, (p) => reachInput.get(p.reachKey) as number);
  // Free riding depends on how many departments share a measure: one focus per distinct count.
  const sharers = new Int32Array(M);
  for (const p of pairs) if (p.cw > 0) sharers[p.metric] = (sharers[p.metric] as number) + 1;
  const distinctCounts = [...new Set(effortPairs.map((p) => Math.max(1, sharers[p.metric] as number)))];
  const sharerCounts = Float64Array.from(distinctCounts);
  const pairFocus = Int32Array.from(effortPairs, (p) => distinctCounts.indexOf(Math.max(1, sharers[p.metric] as number)));
  const E = edges.length;
  const edgeFrom = Int32Array.from(edges, (e) => e.from);
  const edgeTo = Int32Array.from(edges, (e) => e.to);
  const edgeInput = Int32Array.from(edges, (e) => e.input);
  const F = effects.length;
  const effectTarget = Int32Array.from(effects, (e) => e.source * M + e.metric);
  const effectInput = Int32Array.from(effects, (e) => e.input);
  const valueMetric = Int32Array.from(values, (v) => v.metricIndex);
  const valueInput = Int32Array.from(values, (v) => v.inputIndex);
  const K = kpiMetricIndices.length;
  const kpiMetric = Int32Array.from(kpiMetricIndices);
  const kpiOut = oTotal + 1;
  const share = new Float64Array(D);
  const focus = new Float64Array(distinctCounts.length);
  const changes = new Float64Array(S * M);

  const steadyChanges = (x: Float64Array, ch: Float64Array): void => {
    ch.fill(0);
    const lineOfSight = clamp(x[iLineOfSight] as number, 0, 1);
    const freeRiding = clamp(x[iFreeRiding] as number, 0, 1);
    const curvature = clamp(x[iCurvature] as number, 0, MODEL_LIMITS.returnsCurvatureMax);
    for (let k = 0; k < focus.length; k++) focus[k] = collectiveFocus(lineOfSight, freeRiding, sharerCounts[k] as number);
    for (let d = 0; d < D; d++) {
      const fixed = shareFixed[d] as number;
      share[d] = fixed >= 0 ? fixed : clamp((x[shareInput[d] as number] as number) / 100, 0, 1);
    }
    const normaliser = returnsNormaliser(curvature);
    for (let p = 0; p < P; p++) {
      const effort = effortOn(share[pairDept[p] as number] as number, pairCw[p] as number, pairIw[p] as number, focus[pairFocus[p] as number] as number);
      const reached = normalisedReturn(effort, curvature, normaliser);
      const m = pairMetric[p] as number;
      ch[m] = (ch[m] as number) + (x[pairReach[p] as number] as number) * reached;
    }
    for (let f = 0; f < F; f++) {
      const at = effectTarget[f] as number;
      ch[at] = (ch[at] as number) + (x[effectInput[f] as number] as number);
    }
    for (let e = 0; e < E; e++) {
      const perUnit = x[edgeInput[e] as number] as number;
      const from = edgeFrom[e] as number;
      const to = edgeTo[e] as number;
      for (let base = 0; base < S * M; base += M) ch[base + to] = (ch[base + to] as number) + perUnit * (ch[base + from] as number);
    }
  };

  const evaluate = (x: Float64Array, out: Float64Array): void => {
    steadyChanges(x, changes);
    let weighting = 0;
    for (let j = 0; j < V; j++) {
      weighting += (x[valueInput[j] as number] as number) * (changes[valueMetric[j] as number] as number) * (pvFactor[j] as number);
    }
    let benefits = 0;
    for (let src = 1; src < S; src++) {
      for (let j = 0; j < V; j++) {
        const change = changes[src * M + (valueMetric[j] as number)] as number;
        benefits += (x[valueInput[j] as number] as number) * change * (pvFactor[src * V + j] as number);
      }
    }
    const npv = benefits - initiativeCostPv;
    out[0] = weighting;
    if (oNpv >= 0) out[oNpv] = npv;
    if (oRoi >= 0) out[oRoi] = npv / initiativeCostPv;
    out[oTotal] = weighting + npv;
    for (let k = 0; k < K; k++) {
      const m = kpiMetric[k] as number;
      let change = 0;
      for (let src = 0; src < S; src++) change += (changes[src * M + m] as number) * (atHorizon[src] as number);
      out[kpiOut + k] = change;
    }
  };

  return {
    inputs,
    outputs,
    evaluate,
    steadyChanges,
    horizonMonths: H,
    discountRatePct: s.discountRatePct,
    departments,
    metrics: plan.metrics,
    sources,
    values,
    kpiMetricIndices,
    initiativeCostPv,
  };
}
