// The pool client and the worker API talk over real MessageChannels with Comlink, as the page and its workers do.
import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { compileModel, INITIATIVES_NPV, TOTAL_VALUE } from '../domain/model/compile';
import { MonteCarloRunner, scenarioVariant, summarizeMonteCarlo } from '../domain/model/monteCarlo';
import { SobolRunner, sobolIndices } from '../domain/model/sobol';
import { tinyModel, tinyPlan } from '../domain/model/testing';
import { createSensitivityApi } from './sensitivityApi';
import { createSensitivityClient, type SensitivityPool, type SensitivityProgress, type WorkerLike } from './sensitivityClient';

const plan = tinyPlan();
const model = tinyModel();
const ports: MessagePort[] = [];
const pools: SensitivityPool[] = [];

/** A pool of `workers` channel-backed workers; `ranges` counts the chunks the workers were asked to run. */
function testPool(
  workers: number,
  chunkMs = 2,
): { client: SensitivityPool; started: () => number; ranges: () => number; workers: MessagePort[] } {
  const made: MessagePort[] = [];
  let started = 0;
  let ranges = 0;
  const client = createSensitivityClient({
    workers,
    chunkMs,
    createWorker: () => {
      started++;
      const api = createSensitivityApi();
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      made.push(port1);
      expose(
        {
          ...api,
          runRange: (jobId: string, start: number, end: number) => {
            ranges++;
            return api.runRange(jobId, start, end);
          },
        },
        port2,
      );
      return Object.assign(port1, { terminate: () => port1.close() }) as unknown as WorkerLike;
    },
  });
  pools.push(client);
  return { client, started: () => started, ranges: () => ranges, workers: made };
}

const never = new AbortController().signal;
const ignore = (): void => undefined;

afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
  for (const port of ports.splice(0)) port.close();
});

describe('sensitivity client', () => {
  it('starts its workers on the first analysis only', async () => {
    const { client, started } = testPool(3);
    expect(client.size).toBe(3);
    expect(started()).toBe(0);
    await client.morris({ plan, model, trajectories: 10, seed: 1, outputKey: TOTAL_VALUE }, ignore, never);
    await client.morris({ plan, model, trajectories: 10, seed: 2, outputKey: TOTAL_VALUE }, ignore, never);
    expect(started()).toBe(3);
  });

  it('gives the same Monte Carlo with one worker as with three, and the engine’s own summary', async () => {
    const request = { plan, model, draws: 20_000, seed: 42, scenarioIds: [null, 's-all-in'] };
    const one = testPool(1);
    const three = testPool(3);
    const single = await one.client.monteCarlo(request, ignore, never);
    const parallel = await three.client.monteCarlo(request, ignore, never);
    expect(parallel).toEqual(single);
    // Small chunks: the draws really were dealt out in many pieces.
    expect(three.ranges()).toBeGreaterThan(6);

    const compiled = compileModel(plan, model);
    const variants = [null, model.scenarios[0] ?? null].map((s) => scenarioVariant(compiled, s));
    const runner = new MonteCarloRunner(compiled, { seed: 42, draws: 20_000, variants });
    expect(single.summary).toEqual(summarizeMonteCarlo(runner, compiled, runner.runRange(0, 20_000)));
    expect(single.scenarioIds).toEqual([null, 's-all-in']);
    expect(single.beats?.find((b) => b.outputKey === TOTAL_VALUE)?.probability).toBeGreaterThanOrEqual(0);
  });

  it('gives the same Sobol and Morris indices with one worker as with three', async () => {
    const sobolRequest = { plan, model, n: 2_000, seed: 9, outputKey: TOTAL_VALUE };
    const morrisRequest = { plan, model, trajectories: 200, seed: 9, outputKey: INITIATIVES_NPV };
    const one = testPool(1);
    const three = testPool(3);
    const sobol = await one.client.sobol(sobolRequest, ignore, never);
    expect(await three.client.sobol(sobolRequest, ignore, never)).toEqual(sobol);
    expect(await three.client.morris(morrisRequest, ignore, never)).toEqual(await one.client.morris(morrisRequest, ignore, never));

    const compiled = compileModel(plan, model);
    const runner = new SobolRunner(compiled, { seed: 9, n: 2_000 });
    expect(sobol).toEqual(sobolIndices(runner, compiled, runner.runRange(0, 2_000), { outputKey: TOTAL_VALUE }));
  });

  it('reports progress in model runs, rising to the total, at most every 50 ms', async () => {
    const { client } = testPool(2);
    const progress: (SensitivityProgress & { at: number })[] = [];
    const request = { plan, model, draws: 150_000, seed: 1, scenarioIds: ['s-all-in', null] };
    await client.monteCarlo(request, (p) => progress.push({ ...p, at: performance.now() }), never);
    expect(progress[0]).toMatchObject({ done: 0, total: 300_000 });
    expect(progress.at(-1)).toMatchObject({ done: 300_000, total: 300_000 });
    expect(progress.length).toBeGreaterThan(2);
    // The last report may come sooner: the end is always reported.
    for (let i = 1; i < progress.length - 1; i++) {
      expect((progress[i] as { at: number }).at - (progress[i - 1] as { at: number }).at).toBeGreaterThanOrEqual(49);
    }
    for (let i = 1; i < progress.length; i++) {
      expect((progress[i] as SensitivityProgress).done).toBeGreaterThan((progress[i - 1] as SensitivityProgress).done);
    }
  });

  it('rejects with an AbortError before starting any worker when already aborted', async () => {
    const { client, started } = testPool(2);
    const controller = new AbortController();
    controller.abort();
    const run = client.sobol({ plan, model, n: 1_000, seed: 1, outputKey: TOTAL_VALUE }, ignore, controller.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(started()).toBe(0);
  });

  it('stops dealing out chunks when aborted mid-run, rejects with an AbortError, and runs the next analysis', async () => {
    const { client, ranges } = testPool(2);
    const controller = new AbortController();
    let reports = 0;
    const request = { plan, model, n: 200_000, seed: 3, outputKey: TOTAL_VALUE };
    const run = client.sobol(
      request,
      () => {
        reports++;
        if (reports === 2) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toBeInstanceOf(DOMException);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const atAbort = ranges();
    // Let any chunk already queued in a worker finish: no new one may follow.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ranges() - atAbort).toBeLessThanOrEqual(4);
    expect(ranges()).toBeLessThan(100);

    const after = await client.morris({ plan, model, trajectories: 20, seed: 1, outputKey: TOTAL_VALUE }, ignore, never);
    expect(after.trajectories).toBe(20);
  });

  it('passes on the worker’s refusal of an unknown output', async () => {
    const { client } = testPool(2);
    await expect(client.morris({ plan, model, trajectories: 20, seed: 1, outputKey: 'kpi:nowhere' }, ignore, never)).rejects.toThrow(
      'no output "kpi:nowhere"',
    );
  });

  it('rejects a running analysis with an AbortError when the pool is disposed, and starts new workers after', async () => {
    const { client, started } = testPool(2);
    const run = client.sobol({ plan, model, n: 200_000, seed: 3, outputKey: TOTAL_VALUE }, () => client.dispose(), never);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(started()).toBe(2);
    await client.morris({ plan, model, trajectories: 20, seed: 1, outputKey: TOTAL_VALUE }, ignore, never);
    expect(started()).toBe(4);
  });

  it('rejects a running analysis when a worker dies, instead of waiting forever', async () => {
    const { client, workers } = testPool(2);
    const run = client.sobol(
      { plan, model, n: 200_000, seed: 3, outputKey: TOTAL_VALUE },
      () => workers[1]?.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' })),
      never,
    );
    await expect(run).rejects.toThrow('A sensitivity worker stopped: out of memory.');
  });
});
