// The page's side of the sensitivity worker pool: starts the workers on first use, deals each analysis out to them in
// short chunks, reports progress, cancels on an AbortSignal, and has one of them merge the chunks into one result.
import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { MonteCarloOutcome } from '../domain/model/monteCarlo';
import type { MorrisResult } from '../domain/model/morris';
import type { SobolResult } from '../domain/model/sobol';
import type { PlanModel } from '../domain/model/stored';
import type { Plan } from '../domain/plan/types';
import type { JobResult, SensitivityJob } from './sensitivityApi';
import type { SensitivityWorkerApi } from './sensitivity.worker';

/** Model evaluations done so far and in all (a Monte Carlo of 2 scenarios runs the model twice per draw). */
export interface SensitivityProgress {
  done: number;
  total: number;
}

export type { MonteCarloOutcome, OutputBeats } from '../domain/model/monteCarlo';

export interface MonteCarloRequest {
  plan: Plan;
  model: PlanModel;
  draws: number;
  seed: number;
  /** Scenarios run on the same draws; null (or an empty list) is the base case. */
  scenarioIds: readonly (string | null)[];
}

export interface SobolRequest {
  plan: Plan;
  model: PlanModel;
  /** Base sample size N: the model runs N × (D + 2) times for D uncertain inputs. */
  n: number;
  seed: number;
  outputKey: string;
}

export interface MorrisRequest {
  plan: Plan;
  model: PlanModel;
  trajectories: number;
  seed: number;
  outputKey: string;
}

/**
 * Every analysis resolves with the same result whatever the number of workers. The plan and model are copied to
 * the workers (structured clone): pass plain objects ($state.snapshot), not Svelte state proxies. A model that does
 * not validate rejects with the worker's ModelInvalidError message; validate first to show problems at their fields.
 * Aborting rejects at once with a DOMException named 'AbortError'; the workers drop the job after their current chunk.
 */
export interface SensitivityClient {
  monteCarlo(req: MonteCarloRequest, onProgress: (p: SensitivityProgress) => void, signal: AbortSignal): Promise<MonteCarloOutcome>;
  sobol(req: SobolRequest, onProgress: (p: SensitivityProgress) => void, signal: AbortSignal): Promise<SobolResult>;
  morris(req: MorrisRequest, onProgress: (p: SensitivityProgress) => void, signal: AbortSignal): Promise<MorrisResult>;
}

export interface SensitivityPool extends SensitivityClient {
  /** Workers the pool runs (started on first use). */
  readonly size: number;
  /** Stops the workers: analyses still running reject with an AbortError; the next call starts new workers. */
  dispose(): void;
}

/** The message port a worker offers; a test may pass one end of a MessageChannel instead of a real Worker. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener'> & {
  terminate?: () => void;
};

export interface SensitivityPoolOptions {
  /** Workers in the pool; default navigator.hardwareConcurrency, at least 1 and at most 8. */
  workers?: number;
  createWorker?: () => WorkerLike;
  /**
   * Time one chunk should take in a worker, ms. Chunks this short keep progress frequent and cancelling prompt;
   * the message round trip (well under a millisecond) is then a few percent at most, and hidden anyway because each
   * worker has its next chunk queued while it runs the current one. Default 25.
   */
  chunkMs?: number;
}

/** Model runs in the first chunk a worker gets, before its speed on this model is known. */
const FIRST_CHUNK_RUNS = 512;
/** A chunk grows at most this much over the previous one, so one slow measurement cannot make a huge chunk. */
const MAX_GROWTH = 4;
/** Progress is reported at most this often (plus once at the end), so a fast pool does not flood the page. */
const PROGRESS_INTERVAL_MS = 50;
/** Chunks each worker has queued: one runs while the next waits, so a worker never idles on a message round trip. */
const QUEUE_DEPTH = 2;

function defaultPoolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(8, Math.floor(cores) || 1));
}

function startWorker(): WorkerLike {
  return new Worker(new URL('./sensitivity.worker.ts', import.meta.url), { type: 'module', name: 'cx-sensitivity' });
}

function abortError(): DOMException {
  return new DOMException('The analysis was cancelled.', 'AbortError');
}

interface PoolWorker {
  worker: WorkerLike;
  remote: Remote<SensitivityWorkerApi>;
}

interface Pool {
  members: PoolWorker[];
  /**
   * Rejects when the pool stops: disposed (an AbortError) or a worker died (its script failed to load, an error
   * escaped it). Comlink answers only what a worker answers, so without this a job could wait forever.
   */
  ended: Promise<never>;
  end: (reason: Error) => void;
  stopped: boolean;
}

export function createSensitivityClient(options: SensitivityPoolOptions = {}): SensitivityPool {
  const size = options.workers ?? defaultPoolSize();
  if (!Number.isInteger(size) || size < 1) throw new RangeError('The pool needs at least one worker.');
  const createWorker = options.createWorker ?? startWorker;
  const chunkMs = options.chunkMs ?? 25;
  let pool: Pool | null = null;

  const shutDown = (stopping: Pool, reason: Error): void => {
    if (stopping.stopped) return;
    stopping.stopped = true;
    stopping.end(reason);
    for (const member of stopping.members) {
      member.remote[releaseProxy]();
      member.worker.terminate?.();
    }
    if (pool === stopping) pool = null;
  };

  const start = (): Pool => {
    if (pool !== null) return pool;
    let end: (reason: Error) => void = () => undefined;
    const ended = new Promise<never>((_, reject) => {
      end = reject;
    });
    ended.catch(() => undefined);
    const started: Pool = { members: [], ended, end, stopped: false };
    started.members = Array.from({ length: size }, () => {
      const worker = createWorker();
      worker.addEventListener('error', (event) => {
        const detail = (event as Partial<ErrorEvent>).message;
        shutDown(started, new Error(`A sensitivity worker stopped${detail ? `: ${detail}` : ''}.`));
      });
      return { worker, remote: wrap<SensitivityWorkerApi>(worker) };
    });
    pool = started;
    return started;
  };

  /** Deals the job's units out in chunks until all are done (resolves with the chunks in unit order) or `stopped()`. */
  async function runChunks(
    members: PoolWorker[],
    jobId: string,
    shape: { total: number; runsPerUnit: number },
    onProgress: (p: SensitivityProgress) => void,
    stopped: () => boolean,
  ): Promise<Float64Array[]> {
    const { total, runsPerUnit } = shape;
    const parts: { start: number; values: Float64Array }[] = [];
    let next = 0;
    let done = 0;
    let reportedAt = -Infinity;
    const report = (): void => {
      const now = performance.now();
      if (done < total && now - reportedAt < PROGRESS_INTERVAL_MS) return;
      reportedAt = now;
      onProgress({ done: done * runsPerUnit, total: total * runsPerUnit });
    };
    report();

    const work = async (member: PoolWorker, pace: { units: number }): Promise<void> => {
      while (!stopped() && next < total) {
        const start = next;
        // Guided scheduling: no chunk takes more than a share of what is left, so the workers finish together
        // instead of one running a last full-size chunk while the others wait.
        const share = Math.ceil((total - start) / (2 * members.length));
        const end = Math.min(total, start + Math.min(pace.units, share));
        next = end;
        const { values, ms } = await member.remote.runRange(jobId, start, end);
        if (stopped()) return;
        parts.push({ start, values });
        done += end - start;
        // Sized by the worker's own time for the chunk, so queueing behind its other chunk does not count.
        const fitting = ms > 0 ? Math.round(((end - start) * chunkMs) / ms) : Infinity;
        pace.units = Math.max(1, Math.min(fitting, (end - start) * MAX_GROWTH));
        report();
      }
    };
    const firstUnits = Math.max(1, Math.floor(FIRST_CHUNK_RUNS / Math.max(1, runsPerUnit)));
    await Promise.all(
      members.flatMap((member) => {
        const pace = { units: firstUnits };
        return Array.from({ length: QUEUE_DEPTH }, () => work(member, pace));
      }),
    );
    parts.sort((a, b) => a.start - b.start);
    return parts.map((part) => part.values);
  }

  async function run(job: SensitivityJob, onProgress: (p: SensitivityProgress) => void, signal: AbortSignal): Promise<JobResult> {
    if (signal.aborted) throw abortError();
    const running = start();
    const { members } = running;
    const jobId = crypto.randomUUID();
    let stop = false;
    let onAbort = (): void => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        stop = true;
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);

    const analyse = async (): Promise<JobResult> => {
      const shapes = await Promise.all(members.map((member) => member.remote.prepare(jobId, job)));
      const shape = shapes[0] as (typeof shapes)[number];
      const parts = await runChunks(members, jobId, shape, onProgress, () => stop);
      if (stop) throw abortError();
      // Merging and summarising (sorting for quantiles, Sobol's bootstrap) are too heavy for the page: one worker
      // does both, and the chunks move to it without a copy.
      const first = members[0] as PoolWorker;
      return first.remote.summarize(jobId, transfer(parts, parts.map((part) => part.buffer)));
    };
    try {
      return await Promise.race([analyse(), aborted, running.ended]);
    } finally {
      stop = true;
      signal.removeEventListener('abort', onAbort);
      // Queued behind any chunk still running, so the job is forgotten as soon as the worker is free.
      if (pool === running) for (const member of members) member.remote.release(jobId).catch(() => undefined);
    }
  }

  const unexpected = (kind: string, result: JobResult): Error =>
    new Error(`The worker answered a ${kind} job with a ${result.kind} result.`);

  return {
    size,
    async monteCarlo(req, onProgress, signal) {
      const answer = await run({ kind: 'monteCarlo', ...req, scenarioIds: [...req.scenarioIds] }, onProgress, signal);
      if (answer.kind !== 'monteCarlo') throw unexpected('Monte Carlo', answer);
      return answer.result;
    },
    async sobol(req, onProgress, signal) {
      const answer = await run({ kind: 'sobol', ...req }, onProgress, signal);
      if (answer.kind !== 'sobol') throw unexpected('Sobol', answer);
      return answer.result;
    },
    async morris(req, onProgress, signal) {
      const answer = await run({ kind: 'morris', ...req }, onProgress, signal);
      if (answer.kind !== 'morris') throw unexpected('Morris', answer);
      return answer.result;
    },
    dispose() {
      if (pool !== null) shutDown(pool, abortError());
    },
  };
}

let shared: SensitivityPool | null = null;

/** The app's pool of navigator.hardwareConcurrency workers (1–8), started on the first analysis. */
export function sensitivityClient(): SensitivityClient {
  shared ??= createSensitivityClient();
  return shared;
}
