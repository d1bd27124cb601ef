// The uncertain-input distributions (triangular, uniform, normal): inverse CDFs for seeded draws, means and variances.
import { normalQuantile, Z95 } from '../stats/distributions';
import type { Distribution, DistributionKind } from './stored';

export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ['triangular', 'uniform', 'normal'];

/** A normal's low..high is its central 95 % range; base is its mean. */
export function normalSd(distribution: Distribution): number {
  return (distribution.high - distribution.low) / (2 * Z95);
}

/**
 * The value with cumulative probability u (0 < u < 1). The triangular peaks at `base`; the normal is centred on it.
 * Uniform and triangular values stay within low..high; the normal is not truncated.
 */
export function quantile(distribution: Distribution, base: number, u: number): number {
  const { low, high } = distribution;
  switch (distribution.kind) {
    case 'uniform':
      return low + u * (high - low);
    case 'triangular': {
      if (high <= low) return low;
      const split = (base - low) / (high - low);
      return u < split
        ? low + Math.sqrt(u * (high - low) * (base - low))
        : high - Math.sqrt((1 - u) * (high - low) * (high - base));
    }
    case 'normal':
      return base + normalSd(distribution) * normalQuantile(u);
  }
}

export function distributionMean(distribution: Distribution, base: number): number {
  switch (distribution.kind) {
    case 'uniform':
      return (distribution.low + distribution.high) / 2;
    case 'triangular':
      return (distribution.low + base + distribution.high) / 3;
    case 'normal':
      return base;
  }
}

export function distributionVariance(distribution: Distribution, base: number): number {
  const { low: a, high: b } = distribution;
  switch (distribution.kind) {
    case 'uniform':
      return ((b - a) * (b - a)) / 12;
    case 'triangular':
      return (a * a + b * b + base * base - a * b - a * base - b * base) / 18;
    case 'normal': {
      const sd = normalSd(distribution);
      return sd * sd;
    }
  }
}

/**
 * Φ⁻¹(p) for 0 < p < 1: AS 241's central rational function written out (85 % of draws land there), the tails left
 * to stats' normalQuantile. The same arithmetic in the same order, so the results are bit-identical to it.
 */
export function standardNormalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) > 0.425) return normalQuantile(p);
  const r = 0.180625 - q * q;
  const num =
      ((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
      13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608;
  const den =
      ((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
      5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1;
  return (q * num) / den;
}

/**
 * The distributions of a fixed list of inputs laid out in typed arrays and grouped by kind, so turning a row of
 * uniform draws into input values is three tight loops with no object look-ups and no per-value branching on kind.
 */
export class Sampler {
  readonly count: number;
  /** Positions (in the list) of uniform, triangular and normal inputs; zero-width triangles count as uniform. */
  private readonly uniformAt: Int32Array;
  private readonly triangularAt: Int32Array;
  private readonly normalAt: Int32Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly span: Float64Array;
  /** Triangular: the CDF at the peak; normal: the mean. */
  private readonly shape: Float64Array;
  /** Triangular: (high − low)(base − low); normal: the standard deviation. */
  private readonly left: Float64Array;
  /** Triangular: (high − low)(high − base). */
  private readonly right: Float64Array;

  constructor(specs: readonly { base: number; distribution: Distribution }[]) {
    const n = specs.length;
    this.count = n;
    this.low = new Float64Array(n);
    this.high = new Float64Array(n);
    this.span = new Float64Array(n);
    this.shape = new Float64Array(n);
    this.left = new Float64Array(n);
    this.right = new Float64Array(n);
    const uniform: number[] = [];
    const triangular: number[] = [];
    const normal: number[] = [];
    specs.forEach(({ base, distribution }, q) => {
      const { low, high } = distribution;
      const span = high - low;
      this.low[q] = low;
      this.high[q] = high;
      this.span[q] = span;
      if (distribution.kind === 'uniform' || (distribution.kind === 'triangular' && !(span > 0))) {
        uniform.push(q);
      } else if (distribution.kind === 'triangular') {
        triangular.push(q);
        this.shape[q] = (base - low) / span;
        this.left[q] = span * (base - low);
        this.right[q] = span * (high - base);
      } else {
        normal.push(q);
        this.shape[q] = base;
        this.left[q] = normalSd(distribution);
      }
    });
    this.uniformAt = Int32Array.from(uniform);
    this.triangularAt = Int32Array.from(triangular);
    this.normalAt = Int32Array.from(normal);
  }

  /**
   * Turns uniform draws u[uOffset + q] (0 < u < 1) into values of the inputs, written to x[positions[q]]; each value
   * equals quantile() of the q-th input.
   */
  fill(u: Float64Array, uOffset: number, x: Float64Array, positions: Int32Array): void {
    const { low, high, span, shape, left, right, uniformAt, triangularAt, normalAt } = this;
    for (let k = 0; k < uniformAt.length; k++) {
      const q = uniformAt[k] as number;
      x[positions[q] as number] = (low[q] as number) + (u[uOffset + q] as number) * (span[q] as number);
    }
    for (let k = 0; k < triangularAt.length; k++) {
      const q = triangularAt[k] as number;
      const p = u[uOffset + q] as number;
      // Both branches, then an arithmetic select: the side is a coin flip, so a jump would be mispredicted half the time.
      const below = (low[q] as number) + Math.sqrt(p * (left[q] as number));
      const above = (high[q] as number) - Math.sqrt((1 - p) * (right[q] as number));
      const isBelow = +(p < (shape[q] as number));
      x[positions[q] as number] = above + isBelow * (below - above);
    }
    for (let k = 0; k < normalAt.length; k++) {
      const q = normalAt[k] as number;
      x[positions[q] as number] = (shape[q] as number) + (left[q] as number) * standardNormalQuantile(u[uOffset + q] as number);
    }
  }
}
