// Finished Monte Carlo, Sobol and Morris results as the plan keeps them: only the numbers their tables, charts and CSVs show.
import type { MonteCarloOutcome } from './monteCarlo';
import type { MorrisResult } from './morris';
import type { OutputSpec } from './sensitivityModel';
import type { SobolIndex, SobolResult } from './sobol';
import type { SavedMonteCarloRun, SavedMorrisRun, SavedOutcome, SavedRuns, SavedRunStamp, SavedSobolIndex, SavedSobolRun } from './stored';

/** A model that has never been run. */
export const NO_SAVED_RUNS: SavedRuns = { monteCarlo: null, sobol: null, morris: null };

export type SavedRunKind = keyof SavedRuns;

/**
 * Most inputs a saved Sobol or Morris run keeps (the plan-file cap on any list of the model). A plan can hold more
 * uncertain inputs than this only in theory; the most important ones are then kept, so the plan still exports.
 */
export const SAVED_RUN_ROWS_MAX = 50_000;

/** An outcome as the compiled model names it now, kept with a run so the run still reads right after the model changes. */
export function savedOutcome(outputs: readonly OutputSpec[], key: string): SavedOutcome {
  const output = outputs.find((o) => o.key === key);
  return { key, label: output?.label ?? key, unit: output?.unit ?? 'score' };
}

/**
 * A Monte Carlo run as saved: per scenario its id and name when it ran, per outcome its unit (from the compiled
 * model's outputs), mean, SD, P10, P50 and P90 (the table, range charts and CSV); the minimum and maximum are not
 * shown anywhere and are dropped.
 */
export function saveMonteCarloRun(outcome: MonteCarloOutcome, outputs: readonly OutputSpec[], stamp: SavedRunStamp): SavedMonteCarloRun {
  return {
    ...stamp,
    draws: outcome.summary.draws,
    scenarios: outcome.summary.variants.map((variant, v) => ({
      scenarioId: outcome.scenarioIds[v] ?? null,
      name: variant.name,
      outputs: variant.outputs.map((o) => ({
        key: o.key,
        label: o.label,
        unit: savedOutcome(outputs, o.key).unit,
        mean: o.mean,
        sd: o.sd,
        p10: o.p10,
        p50: o.p50,
        p90: o.p90,
      })),
    })),
    beats:
      outcome.beats?.map((b) => ({ outputKey: b.outputKey, label: b.label, probability: b.probability, standardError: b.standardError })) ??
      null,
  };
}

const shownIndex = (index: SobolIndex): SavedSobolIndex => ({ value: index.value, low: index.low, high: index.high });

/**
 * A Sobol run as saved: the reported indices with their intervals, largest total index first (the order the table,
 * chart and CSV show them in). The raw estimates, the variance and the bootstrap settings are not shown and are dropped.
 */
export function saveSobolRun(result: SobolResult, outcome: SavedOutcome, stamp: SavedRunStamp): SavedSobolRun {
  return {
    ...stamp,
    n: result.n,
    runs: result.runs,
    outcome,
    mean: result.mean,
    constantOutput: result.constantOutput,
    inputs: [...result.inputs]
      .sort((a, b) => b.total.value - a.total.value)
      .slice(0, SAVED_RUN_ROWS_MAX)
      .map((input) => ({ key: input.key, label: input.label, first: shownIndex(input.first), total: shownIndex(input.total) })),
  };
}

/** A Morris screening as saved: μ*, μ and σ of every input, largest μ* first, as the engine orders them. */
export function saveMorrisRun(result: MorrisResult, outcome: SavedOutcome, stamp: SavedRunStamp): SavedMorrisRun {
  return {
    ...stamp,
    trajectories: result.trajectories,
    runs: result.runs,
    outcome,
    inputs: result.inputs
      .slice(0, SAVED_RUN_ROWS_MAX)
      .map((input) => ({ key: input.key, label: input.label, muStar: input.muStar, mu: input.mu, sigma: input.sigma })),
  };
}
