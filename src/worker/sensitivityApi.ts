// What a sensitivity worker does: compiles a job's plan and model once, runs any range of its units, and summarises
// the merged values (Monte Carlo, Sobol, Morris). Plain functions, so tests run them directly on ranges.
import { transfer } from 'comlink';
import { concatChunks } from '../domain/model/chunks';
import { compileModel, type CompiledPlanModel } from '../domain/model/compile';
import { modelInputsJson } from '../domain/model/fingerprint';
import { MonteCarloRunner, probabilityBeats, scenarioVariant, summarizeMonteCarlo } from '../domain/model/monteCarlo';
import { MorrisRunner, morrisIndices, type MorrisResult } from '../domain/model/morris';
import { outputIndex } from '../domain/model/sensitivityModel';
import { SobolRunner, sobolIndices, type SobolResult } from '../domain/model/sobol';
import type { PlanModel, Scenario } from '../domain/model/stored';
import type { Plan } from '../domain/plan/types';
import type { MonteCarloOutcome } from '../domain/model/monteCarlo';

interface JobBase {
  plan: Plan;
  model: PlanModel;
  seed: number;
}

export type SensitivityJob =
  | (JobBase & { kind: 'monteCarlo'; draws: number; scenarioIds: (string | null)[] })
  | (JobBase & { kind: 'sobol'; n: number; outputKey: string })
  | (JobBase & { kind: 'morris'; trajectories: number; outputKey: string });

export type JobResult =
  | { kind: 'monteCarlo'; result: MonteCarloOutcome }
  | { kind: 'sobol'; result: SobolResult }
  | { kind: 'morris'; result: MorrisResult };

/** A prepared job's units, as the pool needs them to deal out chunks. */
export interface JobShape {
  total: number;
  runsPerUnit: number;
  valuesPerUnit: number;
}

export interface RangeValues {
  values: Float64Array;
  /** The worker's own time for the range, ms: the pool sizes the next chunk by it. */
  ms: number;
}

type Prepared =
  | { kind: 'monteCarlo'; compiled: CompiledPlanModel; runner: MonteCarloRunner; scenarioIds: (string | null)[] }
  | { kind: 'sobol'; compiled: CompiledPlanModel; runner: SobolRunner; outputKey: string }
  | { kind: 'morris'; compiled: CompiledPlanModel; runner: MorrisRunner; outputKey: string };

function findScenario(model: PlanModel, id: string | null): Scenario | null {
  if (id === null) return null;
  const scenario = model.scenarios.find((s) => s.id === id);
  if (scenario === undefined) throw new RangeError(`The model has no scenario "${id}".`);
  return scenario;
}

/**
 * The last model compiled, by the canonical JSON of what it is compiled from (modelInputsJson, which leaves out the
 * plan's updatedAt and the model's saved runs: both change after every run): a workshop runs Monte Carlo, Sobol and
 * Morris on the same model one after another, and each worker then keeps one compiled evaluator. Besides the
 * compile, that keeps the evaluator's code at its best: V8 specialises a function on its closure's context only
 * while one closure of it exists, and a fresh compile per job costs about a fifth of the model's speed from the
 * second job on.
 */
interface CompiledCache {
  key: string;
  compiled: CompiledPlanModel;
}

function compiledFor(cache: { last: CompiledCache | null }, plan: Plan, model: PlanModel): CompiledPlanModel {
  const key = modelInputsJson(plan, model);
  if (cache.last?.key !== key) cache.last = { key, compiled: compileModel(plan, model) };
  return cache.last.compiled;
}

function prepareJob(job: SensitivityJob, compiled: CompiledPlanModel): Prepared {
  switch (job.kind) {
    case 'monteCarlo': {
      const scenarioIds = job.scenarioIds.length === 0 ? [null] : job.scenarioIds;
      const variants = scenarioIds.map((id) => scenarioVariant(compiled, findScenario(job.model, id)));
      const runner = new MonteCarloRunner(compiled, { seed: job.seed, draws: job.draws, variants });
      return { kind: 'monteCarlo', compiled, runner, scenarioIds };
    }
    case 'sobol':
      // Checked now rather than after every run is done.
      outputIndex(compiled, job.outputKey);
      return {
        kind: 'sobol',
        compiled,
        runner: new SobolRunner(compiled, { seed: job.seed, n: job.n, outputKeys: [job.outputKey] }),
        outputKey: job.outputKey,
      };
    case 'morris':
      outputIndex(compiled, job.outputKey);
      return {
        kind: 'morris',
        compiled,
        runner: new MorrisRunner(compiled, { seed: job.seed, trajectories: job.trajectories }),
        outputKey: job.outputKey,
      };
  }
}

function monteCarloOutcome(job: Extract<Prepared, { kind: 'monteCarlo' }>, values: readonly Float64Array[]): MonteCarloOutcome {
  const { compiled, runner, scenarioIds } = job;
  const summary = summarizeMonteCarlo(runner, compiled, values);
  const beats =
    scenarioIds.length < 2
      ? null
      : compiled.outputs.map((output) => ({
          outputKey: output.key,
          label: output.label,
          ...probabilityBeats(runner, compiled, values, 0, 1, output.key),
        }));
  return { scenarioIds: [...scenarioIds], summary, beats };
}

export function createSensitivityApi() {
  const jobs = new Map<string, Prepared>();
  const cache: { last: CompiledCache | null } = { last: null };
  const get = (jobId: string): Prepared => {
    const job = jobs.get(jobId);
    if (job === undefined) throw new Error(`No sensitivity job "${jobId}" is prepared in this worker.`);
    return job;
  };

  return {
    /** Compiles the job's model (or reuses the last one compiled from the same plan and model) and keeps its runner. */
    prepare(jobId: string, job: SensitivityJob): JobShape {
      const prepared = prepareJob(job, compiledFor(cache, job.plan, job.model));
      jobs.set(jobId, prepared);
      const { total, runsPerUnit, valuesPerUnit } = prepared.runner;
      return { total, runsPerUnit, valuesPerUnit };
    },

    /** Units start..end−1 of the job; the values' buffer is transferred, not copied. */
    runRange(jobId: string, start: number, end: number): RangeValues {
      const { runner } = get(jobId);
      const began = performance.now();
      const values = runner.runRange(start, end);
      const ms = performance.now() - began;
      return transfer({ values, ms }, [values.buffer]);
    },

    /**
     * The job's result from the values of all its ranges, in unit order. Merged here rather than on the page, where
     * copying a large design (a Sobol of N = 65,536 is 100+ MB) would block it. The job stays prepared until released.
     */
    summarize(jobId: string, parts: Float64Array[]): JobResult {
      const job = get(jobId);
      switch (job.kind) {
        case 'monteCarlo':
          return { kind: 'monteCarlo', result: monteCarloOutcome(job, parts) };
        case 'sobol':
          return { kind: 'sobol', result: sobolIndices(job.runner, job.compiled, concatChunks(parts), { outputKey: job.outputKey }) };
        case 'morris':
          return { kind: 'morris', result: morrisIndices(job.runner, job.compiled, concatChunks(parts), job.outputKey) };
      }
    },

    /** Forgets the job (finished or cancelled); releasing an unknown job does nothing. */
    release(jobId: string): void {
      jobs.delete(jobId);
    },
  };
}

export type SensitivityApi = ReturnType<typeof createSensitivityApi>;
