// Splitting an analysis into ranges of units for a worker pool, and putting the pieces back together in order.

/**
 * An analysis whose units (Monte Carlo draws, Sobol rows, Morris trajectories) can be computed in any ranges, on any
 * worker, with results identical to one pass: every unit's random numbers depend only on the seed and its position.
 */
export interface RangeRunner {
  /** Number of units. */
  readonly total: number;
  /** Model evaluations per unit (for progress in runs). */
  readonly runsPerUnit: number;
  /** Numbers each unit writes into the result. */
  readonly valuesPerUnit: number;
  /** Computes units start..end−1 into a new array of (end − start) × valuesPerUnit numbers. */
  runRange(start: number, end: number): Float64Array;
}

export interface UnitRange {
  start: number;
  end: number;
}

/** Consecutive ranges of at most `size` units covering 0..total. */
export function chunkRanges(total: number, size: number): UnitRange[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('A chunk holds at least one unit.');
  const ranges: UnitRange[] = [];
  for (let start = 0; start < total; start += size) ranges.push({ start, end: Math.min(total, start + size) });
  return ranges;
}

/** `parts` ranges as even as whole units allow (for one range per worker). */
export function splitEvenly(total: number, parts: number): UnitRange[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('Split into at least one part.');
  const ranges: UnitRange[] = [];
  for (let k = 0; k < parts; k++) {
    const start = Math.floor((total * k) / parts);
    const end = Math.floor((total * (k + 1)) / parts);
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

/** Joins range results given in range order. */
export function concatChunks(parts: readonly Float64Array[]): Float64Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Float64Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

export interface ChunkedRunOptions {
  chunkSize: number;
  /** Called after each chunk with the units done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks: true stops the run, which then returns null. */
  isCancelled?: () => boolean;
}

/** Runs all units chunk by chunk in this thread (a worker's loop, or a test's), with progress and cancellation. */
export function runInChunks(runner: RangeRunner, options: ChunkedRunOptions): Float64Array | null {
  const parts: Float64Array[] = [];
  for (const { start, end } of chunkRanges(runner.total, options.chunkSize)) {
    if (options.isCancelled?.() === true) return null;
    parts.push(runner.runRange(start, end));
    options.onProgress?.(end, runner.total);
  }
  return concatChunks(parts);
}
