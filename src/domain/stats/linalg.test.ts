// Tests for the key-driver linear algebra: correlations against R, Jacobi accuracy, Cholesky collinearity, subset R².
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allSubsetRSquared,
  cholesky,
  choleskySolve,
  correlationMatrix,
  mean,
  squareMatrix,
  subsetRSquared,
  symmetricEigen,
  type SquareMatrix,
} from './linalg';

const fixture = (name: string) => readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');

function monthlyColumns(): Map<string, Float64Array> {
  const [header, ...rows] = fixture('monthly_kpis.csv').trim().split(/\r?\n/);
  const names = header!.split(',');
  const cells = rows.map((row) => row.split(','));
  return new Map(names.map((name, j) => [name, Float64Array.from(cells, (c) => (c[j] === '' ? NaN : Number(c[j])))]));
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

function multiply(a: SquareMatrix, b: SquareMatrix): SquareMatrix {
  const n = a.size;
  const c = squareMatrix(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a.data[i * n + k]! * b.data[k * n + j]!;
      c.data[i * n + j] = s;
    }
  }
  return c;
}

function transpose(a: SquareMatrix): SquareMatrix {
  const n = a.size;
  const t = squareMatrix(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t.data[j * n + i] = a.data[i * n + j]!;
  return t;
}

function maxAbsDifference(a: SquareMatrix, b: SquareMatrix): number {
  return a.data.reduce((m, v, i) => Math.max(m, Math.abs(v - b.data[i]!)), 0);
}

function reconstruct(values: Float64Array, vectors: SquareMatrix): SquareMatrix {
  const n = values.length;
  const scaled = squareMatrix(n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) scaled.data[i * n + k] = vectors.data[i * n + k]! * values[k]!;
  return multiply(scaled, transpose(vectors));
}

const symmetricMatrixArbitrary = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n })
    .map((values) => {
      const m = squareMatrix(n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          m.data[i * n + j] = values[i * n + j]!;
          m.data[j * n + i] = values[i * n + j]!;
        }
      }
      return m;
    }),
);

describe('mean', () => {
  it('averages plainly and stays exact on values with a large common offset', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3])).toBeCloseTo(1e9 + 0.2, 6);
  });
});

describe('correlationMatrix', () => {
  it('matches R cor() for the complete monthly columns (revenue, ces, fcr, churn, conversion)', () => {
    const columns = monthlyColumns();
    const names = ['revenue', 'ces', 'fcr', 'churn_rate', 'conversion_rate'];
    const result = correlationMatrix(names.map((name) => columns.get(name)!));
    if (!result.ok) throw new Error(result.kind);
    const r = result.value;
    const [, ...rows] = fixture('reference_pairs.csv').trim().split(/\r?\n/);
    let compared = 0;
    for (const row of rows) {
      const [a, b, n, reference] = row.split(',').map((cell) => cell.replaceAll('"', ''));
      const i = names.indexOf(a!);
      const j = names.indexOf(b!);
      if (i < 0 || j < 0) continue;
      expect(Number(n)).toBe(60);
      expectRelative(r.data[i * r.size + j]!, Number(reference), 1e-9);
      expect(r.data[j * r.size + i]).toBe(r.data[i * r.size + j]);
      compared++;
    }
    expect(compared).toBe(10);
    for (let i = 0; i < r.size; i++) expect(r.data[i * r.size + i]).toBe(1);
  });

  it('reports a constant column by index instead of returning NaN', () => {
    const result = correlationMatrix([Float64Array.of(1, 2, 3), Float64Array.of(0.1, 0.1, 0.1)]);
    expect(result).toEqual({ ok: false, kind: 'constant-column', index: 1 });
  });

  it('refuses columns of different lengths', () => {
    expect(correlationMatrix([Float64Array.of(1, 2, 3), Float64Array.of(1, 2)])).toEqual({
      ok: false,
      kind: 'length-mismatch',
    });
  });

  it('gives exactly ±1 for columns that are affine images of each other', () => {
    const x = Float64Array.of(1, 2, 4, 8, 16);
    const result = correlationMatrix([x, x.map((v) => 3 - 0.7 * v)]);
    if (!result.ok) throw new Error(result.kind);
    expect(result.value.data[1]).toBeCloseTo(-1, 15);
    expect(Math.abs(result.value.data[1]!)).toBeLessThanOrEqual(1);
  });
});

describe('symmetricEigen', () => {
  it('finds the eigenvalues of the 3 × 3 second-difference matrix (2 − √2, 2, 2 + √2), largest first', () => {
    const { values, vectors } = symmetricEigen(squareMatrix(3, [2, -1, 0, -1, 2, -1, 0, -1, 2]));
    expectRelative(values[0]!, 2 + Math.SQRT2, 1e-15);
    expectRelative(values[1]!, 2, 1e-15);
    expectRelative(values[2]!, 2 - Math.SQRT2, 1e-14);
    // The middle eigenvector is (1, 0, −1)/√2 up to sign.
    expect(Math.abs(vectors.data[0 * 3 + 1]!)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(Math.abs(vectors.data[1 * 3 + 1]!)).toBeLessThan(1e-15);
  });

  it('finds the tiny eigenvalue of the 5 × 5 Hilbert matrix to high relative accuracy', () => {
    const h = squareMatrix(5);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) h.data[i * 5 + j] = 1 / (i + j + 1);
    const { values } = symmetricEigen(h);
    // Reference values from 40-digit arithmetic (mpmath); the matrix's own rounding limits the small one to ~1e-11.
    expectRelative(values[0]!, 1.5670506910982307955, 1e-14);
    expectRelative(values[3]!, 0.00030589804015119172688, 1e-11);
    expectRelative(values[4]!, 3.2879287721718629571e-6, 1e-10);
  });

  it('handles a diagonal matrix and a zero matrix without rotating', () => {
    const d = symmetricEigen(squareMatrix(3, [1, 0, 0, 0, 5, 0, 0, 0, 3]));
    expect(Array.from(d.values)).toEqual([5, 3, 1]);
    const z = symmetricEigen(squareMatrix(2));
    expect(Array.from(z.values)).toEqual([0, 0]);
  });

  it('always reconstructs A = PΔPᵀ with orthonormal P and eigenvalues in decreasing order', () => {
    fc.assert(
      fc.property(symmetricMatrixArbitrary, (a) => {
        const n = a.size;
        const { values, vectors } = symmetricEigen(a);
        const scale = Math.max(1, ...Array.from(a.data, Math.abs));
        expect(maxAbsDifference(reconstruct(values, vectors), a)).toBeLessThan(1e-13 * scale * n);
        const gram = multiply(transpose(vectors), vectors);
        let identityError = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) identityError = Math.max(identityError, Math.abs(gram.data[i * n + j]! - (i === j ? 1 : 0)));
        }
        expect(identityError).toBeLessThan(1e-14 * n);
        for (let k = 1; k < n; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
      }),
    );
  });
});

describe('cholesky and choleskySolve', () => {
  it('solves a positive-definite system exactly', () => {
    const a = squareMatrix(3, [4, 12, -16, 12, 37, -43, -16, -43, 98]);
    const factor = cholesky(a);
    if (!factor.ok) throw new Error(factor.kind);
    // The textbook factor of this matrix has integer entries.
    expect(Array.from(factor.value.data)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    const solved = choleskySolve(a, [1, 2, 3]);
    if (!solved.ok) throw new Error(solved.kind);
    const x = solved.value;
    for (let i = 0; i < 3; i++) {
      const row = a.data[i * 3]! * x[0]! + a.data[i * 3 + 1]! * x[1]! + a.data[i * 3 + 2]! * x[2]!;
      expect(row).toBeCloseTo(i + 1, 10);
    }
  });

  it('names the first row that is a combination of earlier ones when the matrix is singular', () => {
    // Row 2 is row 0 + row 1 of a rank-2 correlation-like matrix.
    const a = squareMatrix(3, [1, 0, 1, 0, 1, 1, 1, 1, 2]);
    expect(cholesky(a)).toEqual({ ok: false, kind: 'not-positive-definite', index: 2 });
    expect(choleskySolve(a, [1, 1, 1])).toEqual({ ok: false, kind: 'not-positive-definite', index: 2 });
    expect(cholesky(squareMatrix(2, [1, 2, 2, 1]))).toEqual({ ok: false, kind: 'not-positive-definite', index: 1 });
  });

  it('refuses a right-hand side of the wrong length', () => {
    expect(choleskySolve(squareMatrix(2, [1, 0, 0, 1]), [1])).toEqual({ ok: false, kind: 'length-mismatch' });
  });
});

describe('subsetRSquared and allSubsetRSquared', () => {
  // Two predictors correlated r12 with each other and r1, r2 with y: R² = (r1² + r2² − 2·r1·r2·r12) / (1 − r12²).
  const r12 = 0.3;
  const r1 = 0.5;
  const r2 = -0.2;
  const rxx = squareMatrix(2, [1, r12, r12, 1]);
  const rxy = [r1, r2];
  const both = (r1 * r1 + r2 * r2 - 2 * r1 * r2 * r12) / (1 - r12 * r12);

  it('gives the closed-form two-predictor R², r² for one predictor and 0 for none', () => {
    expect(subsetRSquared(rxx, rxy, [])).toEqual({ ok: true, value: 0 });
    const single = subsetRSquared(rxx, rxy, [1]);
    expect(single.ok && single.value).toBeCloseTo(r2 * r2, 15);
    const pair = subsetRSquared(rxx, rxy, [0, 1]);
    expect(pair.ok && pair.value).toBeCloseTo(both, 15);
    const table = allSubsetRSquared(rxx, rxy);
    if (!table.ok) throw new Error(table.kind);
    expect(table.value[0]).toBe(0);
    expect(table.value[0b01]).toBeCloseTo(r1 * r1, 15);
    expect(table.value[0b10]).toBeCloseTo(r2 * r2, 15);
    expect(table.value[0b11]).toBeCloseTo(both, 15);
  });

  it('fills every subset of a real 7-metric correlation matrix with the same R² as a fresh fit', () => {
    const columns = monthlyColumns();
    const names = ['nps', 'csat', 'ces', 'fcr', 'aht_seconds', 'churn_rate', 'conversion_rate', 'revenue'];
    const complete = Array.from(columns.get('revenue')!.keys()).filter((i) =>
      names.every((name) => Number.isFinite(columns.get(name)![i])),
    );
    const result = correlationMatrix(names.map((name) => Float64Array.from(complete, (i) => columns.get(name)![i]!)));
    if (!result.ok) throw new Error(result.kind);
    const full = result.value;
    const p = 7;
    const r = squareMatrix(p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) r.data[i * p + j] = full.data[i * 8 + j]!;
    const ry = Array.from({ length: p }, (_, i) => full.data[i * 8 + 7]!);
    const table = allSubsetRSquared(r, ry);
    if (!table.ok) throw new Error(table.kind);
    expect(table.value.length).toBe(128);
    for (let mask = 0; mask < 128; mask++) {
      const subset = Array.from({ length: p }, (_, j) => j).filter((j) => mask & (1 << j));
      const fresh = subsetRSquared(r, ry, subset);
      if (!fresh.ok) throw new Error(fresh.kind);
      expect(Math.abs(table.value[mask]! - fresh.value)).toBeLessThan(1e-15);
    }
    expectRelative(table.value[127]!, 0.2731906824, 1e-9);
  });

  it('reports the predictor that duplicates earlier ones, in both the single fit and the table', () => {
    // Predictor 2 is the average of predictors 0 and 1 (uncorrelated, unit variance): r = 1/√2 with each.
    const h = Math.SQRT1_2;
    const singular = squareMatrix(3, [1, 0, h, 0, 1, h, h, h, 1]);
    expect(subsetRSquared(singular, [0.1, 0.2, 0.3], [1, 2, 0])).toEqual({
      ok: false,
      kind: 'not-positive-definite',
      index: 0,
    });
    expect(allSubsetRSquared(singular, [0.1, 0.2, 0.3])).toEqual({ ok: false, kind: 'not-positive-definite', index: 2 });
  });
});
