// ModelRun: progress as a fraction, cancel through the AbortSignal, and the newest run's result winning.
import { describe, expect, it } from 'vitest';
import { ModelRun, type RunJob } from './modelRun.svelte';

/** A job that reports one step of progress and then waits until released (or aborted). */
function controllable<T>(value: T) {
  let release: () => void = () => undefined;
  const job: RunJob<T> = (onProgress, signal) =>
    new Promise<T>((resolve, reject) => {
      onProgress({ done: 1, total: 4 });
      signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
      release = () => resolve(value);
    });
  return { job, release: () => release() };
}

describe('ModelRun', () => {
  it('reports progress while running and hands the result on when done', async () => {
    const run = new ModelRun<number>();
    const results: number[] = [];
    const { job, release } = controllable(42);
    const done = run.start(job, (r) => results.push(r));
    expect(run.status).toBe('running');
    expect(run.fraction).toBe(0.25);
    expect(results).toEqual([]);
    release();
    await done;
    expect(run.status).toBe('done');
    expect(results).toEqual([42]);
    expect(run.fraction).toBe(1);
  });

  it('is cancelled by cancel() and hands nothing on', async () => {
    const run = new ModelRun<number>();
    const results: number[] = [];
    const first = controllable(1);
    const firstDone = run.start(first.job, (r) => results.push(r));
    first.release();
    await firstDone;
    const second = controllable(2);
    const secondDone = run.start(second.job, (r) => results.push(r));
    run.cancel();
    await secondDone;
    expect(run.status).toBe('cancelled');
    expect(results).toEqual([1]);
  });

  it('lets the newest run win when an older one finishes later', async () => {
    const run = new ModelRun<string>();
    const results: string[] = [];
    const older = controllable('older');
    const olderDone = run.start(older.job, (r) => results.push(r));
    const newer = controllable('newer');
    const newerDone = run.start(newer.job, (r) => results.push(r));
    newer.release();
    await newerDone;
    older.release();
    await olderDone;
    expect(results).toEqual(['newer']);
    expect(run.status).toBe('done');
  });

  it('shows why a run failed and hands nothing on', async () => {
    const run = new ModelRun<number>();
    const results: number[] = [];
    await run.start(() => Promise.reject(new Error('A sensitivity worker stopped.')), (r) => results.push(r));
    expect(run.status).toBe('failed');
    expect(run.error).toBe('A sensitivity worker stopped.');
    expect(results).toEqual([]);
  });
});
