// The sensitivity benchmark page: times the app's Monte Carlo and Sobol through the real worker pool (one worker and
// all cores) while watching the main thread, and the bare loop in a bench worker of the same page.
// scripts/bench.mjs drives it step by step.
import { benchmarkModel, benchmarkPlanAndModel } from '../src/domain/model/benchmark';
import { TOTAL_VALUE } from '../src/domain/model/compile';
import { createSensitivityClient, type SensitivityPool, type SensitivityProgress } from '../src/worker/sensitivityClient';
import { watchMainThread, type MainThreadReport } from './mainThreadWatch';
import type { SensitivityBenchRequest, TimedRuns } from './sensitivity.worker';
import { ask } from './workerRequest';

const SEED = 20_240_501;

export type PoolChoice = 'one' | 'all';

export interface SensitivityInfo {
  cores: number;
  allCoresWorkers: number;
  inputs: number;
  uncertainInputs: number;
  mcDraws: number;
  mcRuns: number;
  sobolN: number;
  sobolRuns: number;
}

export interface AppRun {
  /** On the page, from the call to the resolved result (compiling in the workers, runs, merging, summary). */
  ms: number;
  workers: number;
  runs: number;
  mainThread: MainThreadReport;
  progressReports: number;
  /**
   * From the report of the last run to the result: merging the chunks, handing them to a worker and summarising
   * there (quantiles, Sobol's bootstrap). `ms − tailMs` is the runs themselves with their messaging.
   */
  tailMs: number;
  /** Longest time the progress bar stood still while the model ran: call → first report, between reports (the tail apart). */
  maxProgressGapMs: number;
  /** The result as JSON: one worker and all cores must give the same. */
  fingerprint: string;
}

export interface SensitivitySizes {
  mcDraws: number;
  sobolN: number;
}

export interface SensitivityBenchApi {
  /** Sets the analyses' sizes (issue 5: 100,000 draws, N = 8,192) and describes the runs they make. */
  configure(sizes: SensitivitySizes): SensitivityInfo;
  mcApp(pool: PoolChoice): Promise<AppRun>;
  sobolApp(pool: PoolChoice): Promise<AppRun>;
  /** The bare loop, `runs` evaluations, in the bench worker. */
  bare(runs: number): Promise<TimedRuns & { page_ms: number }>;
  /** The Monte Carlo or Sobol engine's runs of the configured size in one call in the bench worker: no pool, no summary. */
  engine(kind: 'mc' | 'sobol'): Promise<TimedRuns & { page_ms: number }>;
}

declare global {
  interface Window {
    cxSensitivityBench?: SensitivityBenchApi;
  }
}

const { plan, model } = benchmarkPlanAndModel();
const compiled = benchmarkModel();
const uncertainInputs = compiled.inputs.filter((input) => input.distribution !== null).length;
const pools: Record<PoolChoice, SensitivityPool> = { one: createSensitivityClient({ workers: 1 }), all: createSensitivityClient() };
let sizes: SensitivitySizes = { mcDraws: 100_000, sobolN: 8_192 };
const bareWorker = new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'bench-sensitivity' });

async function askBench(request: SensitivityBenchRequest): Promise<TimedRuns & { page_ms: number }> {
  const started = performance.now();
  const reply = await ask<TimedRuns>(bareWorker, request);
  return { ...reply, page_ms: performance.now() - started };
}

async function timedRun(
  pool: SensitivityPool,
  work: (onProgress: (p: SensitivityProgress) => void, signal: AbortSignal) => Promise<unknown>,
): Promise<AppRun> {
  const watch = watchMainThread();
  const started = performance.now();
  let last = started;
  let maxProgressGapMs = 0;
  let progressReports = 0;
  let runs = 0;
  const onProgress = (p: SensitivityProgress): void => {
    const now = performance.now();
    maxProgressGapMs = Math.max(maxProgressGapMs, now - last);
    last = now;
    progressReports++;
    runs = p.total;
  };
  const result = await work(onProgress, new AbortController().signal);
  const ended = performance.now();
  return {
    ms: ended - started,
    tailMs: ended - last,
    workers: pool.size,
    runs,
    mainThread: await watch.stop(),
    progressReports,
    maxProgressGapMs,
    fingerprint: JSON.stringify(result),
  };
}

window.cxSensitivityBench = {
  configure(next) {
    sizes = next;
    return {
      cores: navigator.hardwareConcurrency,
      allCoresWorkers: pools.all.size,
      inputs: compiled.inputs.length,
      uncertainInputs,
      mcDraws: sizes.mcDraws,
      mcRuns: sizes.mcDraws,
      sobolN: sizes.sobolN,
      sobolRuns: sizes.sobolN * (uncertainInputs + 2),
    };
  },
  mcApp: (choice) =>
    timedRun(pools[choice], (onProgress, signal) =>
      pools[choice].monteCarlo({ plan, model, draws: sizes.mcDraws, seed: SEED, scenarioIds: [] }, onProgress, signal),
    ),
  sobolApp: (choice) =>
    timedRun(pools[choice], (onProgress, signal) =>
      pools[choice].sobol({ plan, model, n: sizes.sobolN, seed: SEED, outputKey: TOTAL_VALUE }, onProgress, signal),
    ),
  bare: (runs) => askBench({ type: 'bare', runs }),
  engine: (kind) =>
    askBench(kind === 'mc' ? { type: 'mcEngine', draws: sizes.mcDraws, seed: SEED } : { type: 'sobolEngine', n: sizes.sobolN, seed: SEED }),
};
