// One background analysis of the Model tab (Monte Carlo, Sobol, Morris): progress, cancel, and the newest run's result only.

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunProgress {
  done: number;
  total: number;
}

export type RunJob<T> = (onProgress: (p: RunProgress) => void, signal: AbortSignal) => Promise<T>;

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export class ModelRun<T> {
  #status = $state<RunStatus>('idle');
  #fraction = $state(0);
  #error = $state('');
  #controller: AbortController | null = null;
  #ticket = 0;

  get status(): RunStatus {
    return this.#status;
  }
  get running(): boolean {
    return this.#status === 'running';
  }
  /** Share of the work done, 0..1. */
  get fraction(): number {
    return this.#fraction;
  }
  get error(): string {
    return this.#error;
  }

  /**
   * Starts a run, cancelling any run still going, and hands its result to `onDone` once it finishes. Only the
   * newest run's result is handed on: a slow older run never overwrites a newer one, and a cancelled or failed run
   * hands on nothing, so whatever the last finished run left (the saved run on screen) stays.
   */
  async start(job: RunJob<T>, onDone: (result: T) => void): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const ticket = ++this.#ticket;
    this.#status = 'running';
    this.#fraction = 0;
    this.#error = '';
    try {
      const result = await job((p) => {
        if (ticket === this.#ticket && p.total > 0) this.#fraction = Math.min(1, p.done / p.total);
      }, controller.signal);
      if (ticket !== this.#ticket) return;
      this.#fraction = 1;
      this.#status = 'done';
      onDone(result);
    } catch (error) {
      if (ticket !== this.#ticket) return;
      if (isAbort(error)) {
        this.#status = 'cancelled';
      } else {
        this.#status = 'failed';
        this.#error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      if (ticket === this.#ticket) this.#controller = null;
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }
}
