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
  it('reports progress while running and keeps the result and what it ran with when done', async () => {
    const run = new ModelRun<number>();
    const { job, release } = controllable(42);
    const done = run.start(job, 'model-a');
    expect(run.status).toBe('running');
    expect(run.fraction).toBe(0.25);
    release();
    await done;
    expect(run.status).toBe('done');
    expect(run.result).toBe(42);
    expect(run.ranWith).toBe('model-a');
    expect(run.fraction).toBe(1);
  });

  it('is cancelled by cancel() and keeps the previous result', async () => {
    const run = new ModelRun<number>();
    const first = controllable(1);
    const firstDone = run.start(first.job, 'a');
    first.release();
    await firstDone;
    const second = controllable(2);
    const secondDone = run.start(second.job, 'b');
    run.cancel();
    await secondDone;
    expect(run.status).toBe('cancelled');
    expect(run.result).toBe(1);
    expect(run.ranWith).toBe('a');
  });

  it('lets the newest run win when an older one finishes later', async () => {
    const run = new ModelRun<string>();
    const older = controllable('older');
    const olderDone = run.start(older.job, 'a');
    const newer = controllable('newer');
    const newerDone = run.start(newer.job, 'b');
    newer.release();
    await newerDone;
    older.release();
    await olderDone;
    expect(run.result).toBe('newer');
    expect(run.status).toBe('done');
  });

  it('shows why a run failed', async () => {
    const run = new ModelRun<number>();
    await run.start(() => Promise.reject(new Error('A sensitivity worker stopped.')), null);
    expect(run.status).toBe('failed');
    expect(run.error).toBe('A sensitivity worker stopped.');
  });
});
