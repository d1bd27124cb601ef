// Tests for key-driver analysis: R reference values, closed forms, degenerate data, and the sum-to-R² invariants.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { johnsonRelativeWeights, MAX_SHAPLEY_DRIVERS, shapleyR2 } from './drivers';

const fixture = (name: string) => readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');

const DRIVERS = ['nps', 'csat', 'ces', 'fcr', 'aht_seconds', 'churn_rate', 'conversion_rate'];

function monthlyColumns(): Map<string, Float64Array> {
  const [header, ...rows] = fixture('monthly_kpis.csv').trim().split(/\r?\n/);
  const names = header!.split(',');
  const cells = rows.map((row) => row.split(','));
  return new Map(names.map((name, j) => [name, Float64Array.from(cells, (c) => (c[j] === '' ? NaN : Number(c[j])))]));
}

interface Reference {
  driver: string;
  johnsonRaw: number;
  johnsonPct: number;
  shapleyR2: number;
  shapleyPct: number;
}

function referenceDrivers(): Reference[] {
  const [, ...rows] = fixture('reference_drivers_revenue.csv').trim().split(/\r?\n/);
  return rows.map((row) => {
    const [driver, johnsonRaw, johnsonPct, shapley, shapleyPct] = row.split(',');
    return {
      driver: driver!.replaceAll('"', ''),
      johnsonRaw: Number(johnsonRaw),
      johnsonPct: Number(johnsonPct),
      shapleyR2: Number(shapley),
      shapleyPct: Number(shapleyPct),
    };
  });
}

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Columns of the 8 × 8 Sylvester–Hadamard matrix without the constant one: mutually orthogonal, each mean 0. */
function hadamardColumns(): Float64Array[] {
  return Array.from({ length: 7 }, (_, c) =>
    Float64Array.from({ length: 8 }, (_, i) => {
      let bits = i & (c + 1);
      let parity = 0;
      while (bits) {
        parity ^= bits & 1;
        bits >>= 1;
      }
      return parity ? -1 : 1;
    }),
  );
}

const combine = (terms: [number, Float64Array][]) =>
  Float64Array.from({ length: terms[0]![1].length }, (_, i) => sum(terms.map(([w, v]) => w * v[i]!)));

describe('key drivers of revenue in the monthly fixture (R reference)', () => {
  const columns = monthlyColumns();
  const x = DRIVERS.map((name) => columns.get(name)!);
  const y = columns.get('revenue')!;
  const reference = referenceDrivers();

  it('reproduces Johnson relative weights and their percentages to 1e-9', () => {
    const result = johnsonRelativeWeights(x, y);
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(57);
    expectRelative(result.rSquared, 0.2731906824);
    expect(reference.map((r) => r.driver)).toEqual(DRIVERS);
    reference.forEach((r, j) => {
      expectRelative(result.weights[j]!.raw, r.johnsonRaw);
      expectRelative(result.weights[j]!.pct, r.johnsonPct);
    });
  });

  it('reproduces the Shapley/LMG shares and their percentages to 1e-9', () => {
    const result = shapleyR2(x, y);
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(57);
    expectRelative(result.rSquared, 0.2731906824);
    reference.forEach((r, j) => {
      expectRelative(result.shares[j]!.r2, r.shapleyR2);
      expectRelative(result.shares[j]!.pct, r.shapleyPct);
    });
  });

  it('shares out exactly R² (and 100 %) with both methods', () => {
    const johnson = johnsonRelativeWeights(x, y);
    const shapley = shapleyR2(x, y);
    if (!johnson.ok || !shapley.ok) throw new Error('analysis failed');
    expect(sum(johnson.weights.map((w) => w.raw))).toBeCloseTo(johnson.rSquared, 14);
    expect(sum(johnson.weights.map((w) => w.pct))).toBeCloseTo(100, 12);
    expect(sum(shapley.shares.map((s) => s.r2))).toBeCloseTo(shapley.rSquared, 14);
    expect(sum(shapley.shares.map((s) => s.pct))).toBeCloseTo(100, 12);
    expect(shapley.rSquared).toBeCloseTo(johnson.rSquared, 14);
  });
});

describe('closed-form cases', () => {
  const [u1, u2, u3] = hadamardColumns();

  it('splits R² between two correlated drivers as the two-driver Shapley formula says', () => {
    // x1 = u1, x2 = u1 + u2, y = u1 + u3 on orthogonal ±1 columns: r1 = 1/√2, r2 = 1/2, r12 = 1/√2, R² = 1/2.
    // Shapley: share₁ = r1² + (R² − r1² − r2²)/2 = 3/8 and share₂ = r2² + (R² − r1² − r2²)/2 = 1/8.
    const x = [u1!, combine([[1, u1!], [1, u2!]])];
    const y = combine([[1, u1!], [1, u3!]]);
    const shapley = shapleyR2(x, y);
    if (!shapley.ok) throw new Error(shapley.reason);
    expect(shapley.n).toBe(8);
    expect(shapley.rSquared).toBeCloseTo(0.5, 15);
    expect(shapley.shares[0]!.r2).toBeCloseTo(3 / 8, 15);
    expect(shapley.shares[1]!.r2).toBeCloseTo(1 / 8, 15);
    expect(shapley.shares[0]!.pct).toBeCloseTo(75, 12);

    // Johnson for two drivers: Λ = [[a, b], [b, a]] with a, b = (√(1 + r12) ± √(1 − r12))/2, β = Λ⁻¹ r_xy,
    // ε₁ = a²β₁² + b²β₂², ε₂ = b²β₁² + a²β₂².
    const r12 = Math.SQRT1_2;
    const a = (Math.sqrt(1 + r12) + Math.sqrt(1 - r12)) / 2;
    const b = (Math.sqrt(1 + r12) - Math.sqrt(1 - r12)) / 2;
    const determinant = a * a - b * b;
    const beta1 = (a * Math.SQRT1_2 - b * 0.5) / determinant;
    const beta2 = (a * 0.5 - b * Math.SQRT1_2) / determinant;
    const johnson = johnsonRelativeWeights(x, y);
    if (!johnson.ok) throw new Error(johnson.reason);
    expect(johnson.weights[0]!.raw).toBeCloseTo(a * a * beta1 * beta1 + b * b * beta2 * beta2, 15);
    expect(johnson.weights[1]!.raw).toBeCloseTo(b * b * beta1 * beta1 + a * a * beta2 * beta2, 15);
    expect(johnson.weights[0]!.raw + johnson.weights[1]!.raw).toBeCloseTo(0.5, 14);
  });

  it('gives each orthogonal driver exactly its own r² under both methods', () => {
    // y = 3·u1 + 2·u2 + u3 + u4 + u5 with drivers u1, u2, u3: r² = 9/16, 4/16, 1/16 and R² = 14/16.
    const h = hadamardColumns();
    const x = [h[0]!, h[1]!, h[2]!];
    const y = combine([[3, h[0]!], [2, h[1]!], [1, h[2]!], [1, h[3]!], [1, h[4]!]]);
    const expected = [9 / 16, 4 / 16, 1 / 16];
    const johnson = johnsonRelativeWeights(x, y);
    const shapley = shapleyR2(x, y);
    if (!johnson.ok) throw new Error(johnson.reason);
    if (!shapley.ok) throw new Error(shapley.reason);
    expect(johnson.rSquared).toBeCloseTo(14 / 16, 15);
    expected.forEach((r2, j) => {
      expect(johnson.weights[j]!.raw).toBeCloseTo(r2, 15);
      expect(shapley.shares[j]!.r2).toBeCloseTo(r2, 15);
      expect(johnson.weights[j]!.pct).toBeCloseTo((100 * r2) / (14 / 16), 12);
    });
  });

  it('reports zero weights and zero percentages when the drivers explain nothing', () => {
    const [v1, v2, v3] = hadamardColumns();
    const johnson = johnsonRelativeWeights([v1!, v2!], v3!);
    const shapley = shapleyR2([v1!, v2!], v3!);
    expect(johnson).toEqual({ ok: true, n: 8, rSquared: 0, weights: [{ raw: 0, pct: 0 }, { raw: 0, pct: 0 }] });
    expect(shapley).toEqual({ ok: true, n: 8, rSquared: 0, shares: [{ r2: 0, pct: 0 }, { r2: 0, pct: 0 }] });
  });
});

describe('degenerate input is refused in plain words, never as NaN', () => {
  const a = Float64Array.of(1, 2, 3, 4, 5, 6);
  const b = Float64Array.of(2, 1, 4, 3, 6, 7);
  const y = Float64Array.of(3, 5, 4, 8, 9, 12);
  const names = ['nps', 'csat', 'fcr'];
  const both = [johnsonRelativeWeights, shapleyR2] as const;

  it('asks for a driver when none is chosen', () => {
    for (const method of both) {
      expect(method([], y)).toEqual({ ok: false, code: 'no-drivers', reason: 'Choose at least one driver to analyse.' });
    }
  });

  it('needs at least p + 2 complete periods, counting only rows where everything is present', () => {
    const gappy = Float64Array.of(1, NaN, 3, NaN, 5, NaN);
    for (const method of both) {
      const result = method([a, gappy], y, { names, outcomeName: 'revenue' });
      expect(result).toEqual({
        ok: false,
        code: 'too-few-rows',
        reason:
          'Only 3 periods have values for revenue and all 2 drivers; at least 4 are needed. Choose fewer drivers or add data.',
      });
    }
  });

  it('says so when no period is complete', () => {
    const empty = new Float64Array(6).fill(NaN);
    for (const method of both) {
      expect(method([a], empty)).toEqual({
        ok: false,
        code: 'too-few-rows',
        reason: 'No period has values for the outcome and all 1 drivers at once.',
      });
    }
  });

  it('names a driver that never varies', () => {
    const flat = new Float64Array(6).fill(0.1);
    for (const method of both) {
      expect(method([a, flat], y, { names })).toEqual({
        ok: false,
        code: 'constant-driver',
        reason:
          'Every complete period has the same value of csat, so its importance cannot be measured. Remove it from the drivers.',
      });
    }
  });

  it('says there is nothing to explain when the outcome never varies', () => {
    for (const method of both) {
      const result = method([a, b], new Float64Array(6).fill(7));
      expect(result.ok === false && result.code).toBe('constant-outcome');
    }
  });

  it('names the collinear drivers (fcr = nps + csat)', () => {
    const sumOf = a.map((v, i) => v + b[i]!);
    for (const method of both) {
      expect(method([a, b, sumOf], y, { names })).toEqual({
        ok: false,
        code: 'collinear',
        reason:
          'The data cannot tell fcr apart from nps and csat: it is, or nearly is, an exact combination of them. ' +
          'Remove one of these drivers.',
      });
    }
  });

  it('treats a driver that duplicates another (up to scale and offset) as collinear', () => {
    for (const method of both) {
      const result = method([a, a.map((v) => 10 - 2 * v)], y);
      expect(result.ok === false && result.code).toBe('collinear');
    }
  });

  it('refuses columns of different lengths', () => {
    for (const method of both) {
      const result = method([a, Float64Array.of(1, 2, 3)], y);
      expect(result.ok === false && result.code).toBe('length-mismatch');
    }
  });

  it(`limits the exact Shapley decomposition to ${MAX_SHAPLEY_DRIVERS} drivers`, () => {
    const many = Array.from({ length: MAX_SHAPLEY_DRIVERS + 1 }, (_, j) => a.map((v) => v ** (j + 1)));
    const result = shapleyR2(many, y);
    expect(result).toEqual({
      ok: false,
      code: 'too-many-drivers',
      reason:
        'The Shapley decomposition is exact over every combination of drivers and is limited to 12 drivers; ' +
        "13 were chosen. Remove some, or use Johnson's relative weights.",
    });
  });
});

describe('invariants on random data', () => {
  const dataset = (value: fc.Arbitrary<number>) =>
    fc.record({ p: fc.integer({ min: 1, max: 6 }), extra: fc.integer({ min: 2, max: 25 }) }).chain(({ p, extra }) => {
      const n = p + extra;
      const column = fc.array(value, { minLength: n, maxLength: n }).map((c) => Float64Array.from(c));
      return fc.record({ x: fc.array(column, { minLength: p, maxLength: p }), y: column });
    });
  // KPI-like values: integers keep near-singular designs (whose round-off grows with the condition number) rare.
  const dataArbitrary = dataset(fc.integer({ min: -1000, max: 1000 }));

  it('Johnson weights are non-negative and sum to R², which Shapley shares also sum to', () => {
    fc.assert(
      fc.property(dataArbitrary, ({ x, y }) => {
        const johnson = johnsonRelativeWeights(x, y);
        const shapley = shapleyR2(x, y);
        expect(johnson.ok).toBe(shapley.ok);
        if (!johnson.ok || !shapley.ok) return;
        expect(johnson.rSquared).toBeGreaterThanOrEqual(0);
        expect(johnson.rSquared).toBeLessThanOrEqual(1 + 1e-12);
        for (const w of johnson.weights) expect(w.raw).toBeGreaterThanOrEqual(0);
        for (const s of shapley.shares) expect(s.r2).toBeGreaterThanOrEqual(-1e-12);
        expect(Math.abs(sum(johnson.weights.map((w) => w.raw)) - johnson.rSquared)).toBeLessThan(1e-10);
        expect(Math.abs(sum(shapley.shares.map((s) => s.r2)) - shapley.rSquared)).toBeLessThan(1e-10);
        expect(Math.abs(johnson.rSquared - shapley.rSquared)).toBeLessThan(1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it('never returns NaN or infinities, whatever the magnitudes (subnormal to 1e308) or gaps in the data', () => {
    const anyValue = fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(NaN));
    fc.assert(
      fc.property(dataset(anyValue), ({ x, y }) => {
        for (const result of [johnsonRelativeWeights(x, y), shapleyR2(x, y)]) {
          if (!result.ok) {
            expect(result.reason.length).toBeGreaterThan(0);
            continue;
          }
          const numbers = [
            result.n,
            result.rSquared,
            ...('weights' in result ? result.weights.flatMap((w) => [w.raw, w.pct]) : []),
            ...('shares' in result ? result.shares.flatMap((s) => [s.r2, s.pct]) : []),
          ];
          for (const value of numbers) expect(Number.isFinite(value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reordering the drivers reorders the weights and nothing else', () => {
    fc.assert(
      fc.property(dataArbitrary, ({ x, y }) => {
        const reversed = [...x].reverse();
        const johnson = johnsonRelativeWeights(x, y);
        const johnsonReversed = johnsonRelativeWeights(reversed, y);
        const shapley = shapleyR2(x, y);
        const shapleyReversed = shapleyR2(reversed, y);
        if (!johnson.ok || !johnsonReversed.ok || !shapley.ok || !shapleyReversed.ok) return;
        const p = x.length;
        for (let j = 0; j < p; j++) {
          expect(Math.abs(johnson.weights[j]!.raw - johnsonReversed.weights[p - 1 - j]!.raw)).toBeLessThan(1e-10);
          expect(Math.abs(shapley.shares[j]!.r2 - shapleyReversed.shares[p - 1 - j]!.r2)).toBeLessThan(1e-10);
        }
      }),
    );
  });
});
