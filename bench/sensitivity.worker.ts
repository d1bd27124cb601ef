// Bench worker for the sensitivity suite: the bare loop the engines are timed against (the benchmark's compiled model
// evaluated on pre-drawn inputs as many times as an analysis does, and nothing else), and each engine's runs in one
// call without the pool, to tell the engine's cost from the pool's.
import { bareLoop, benchmarkModel, drawInputRows } from '../src/domain/model/benchmark';
import { MonteCarloRunner } from '../src/domain/model/monteCarlo';
import { SobolRunner } from '../src/domain/model/sobol';

export type SensitivityBenchRequest =
  | { type: 'bare'; runs: number }
  | { type: 'mcEngine'; draws: number; seed: number }
  | { type: 'sobolEngine'; n: number; seed: number };

export interface TimedRuns {
  /** The loop's own time in this worker. */
  ms: number;
  runs: number;
  /** A number the work produced, so it cannot be optimised away. */
  checksum: number;
}

const model = benchmarkModel();
// Drawn once, not timed: 4,096 rows of real draws cycle through the loop (see drawInputRows for why not one vector).
const rows = drawInputRows(model, 4_096, 1);

function timed(request: SensitivityBenchRequest): TimedRuns {
  const started = performance.now();
  switch (request.type) {
    case 'bare': {
      const checksum = bareLoop(model, request.runs, rows);
      return { ms: performance.now() - started, runs: request.runs, checksum };
    }
    case 'mcEngine': {
      const runner = new MonteCarloRunner(model, { seed: request.seed, draws: request.draws });
      const values = runner.runRange(0, request.draws);
      return { ms: performance.now() - started, runs: request.draws * runner.runsPerUnit, checksum: values[0] ?? 0 };
    }
    case 'sobolEngine': {
      const runner = new SobolRunner(model, { seed: request.seed, n: request.n });
      const values = runner.runRange(0, request.n);
      return { ms: performance.now() - started, runs: request.n * runner.runsPerUnit, checksum: values[0] ?? 0 };
    }
  }
}

self.onmessage = (event: MessageEvent<SensitivityBenchRequest>) => {
  try {
    self.postMessage({ ok: true, ...timed(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
