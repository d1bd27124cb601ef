// Tests for relative importance from streamed co-moments: the R reference, agreement with stats/drivers, refusals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixture, kpis } from '../correlation/fixturesForTests';
import { johnsonRelativeWeights, shapleyR2 } from '../stats/drivers';
import { relativeImportance, type ImportanceOptions } from './importance';
import { CoMoments } from './moments';

const DRIVERS = ['nps', 'csat', 'ces', 'fcr', 'aht_seconds', 'churn_rate', 'conversion_rate'];
const PERIODS = { one: 'period', many: 'periods' };

function analyse(drivers: Float64Array[], outcome: Float64Array, options: Partial<ImportanceOptions> = {}) {
  const moments = new CoMoments(drivers.length + 1);
  moments.add([...drivers, outcome]);
  return relativeImportance(moments, { names: [], outcomeName: 'revenue', rows: PERIODS, ...options });
}

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('key drivers of revenue in the monthly fixture (R reference)', () => {
  const reference = fixture('reference_drivers_revenue.csv');
  const result = analyse(
    DRIVERS.map((name) => kpis.numbers(name)),
    kpis.numbers('revenue'),
  );

  it('reproduces Johnson weights and Shapley shares, raw and in % of R², to 1e-9 from one streaming pass', () => {
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(57);
    expectRelative(result.rSquared, 0.2731906824);
    expect(reference.text('driver')).toEqual(DRIVERS);
    const columns = ['johnson_raw', 'johnson_pct', 'shapley_r2', 'shapley_pct'].map((name) => reference.numbers(name));
    result.drivers.forEach((driver, j) => {
      expectRelative(driver.johnson.raw, columns[0]![j]!);
      expectRelative(driver.johnson.pct, columns[1]![j]!);
      expectRelative(driver.shapley!.r2, columns[2]![j]!);
      expectRelative(driver.shapley!.pct, columns[3]![j]!);
    });
    expect(result.shapleyNote).toBeNull();
  });

  it('shares out exactly R² and 100 % with both methods, and gives each driver its correlation with revenue', () => {
    if (!result.ok) throw new Error(result.reason);
    expect(sum(result.drivers.map((d) => d.johnson.raw))).toBeCloseTo(result.rSquared, 14);
    expect(sum(result.drivers.map((d) => d.shapley!.r2))).toBeCloseTo(result.rSquared, 14);
    expect(sum(result.drivers.map((d) => d.johnson.pct))).toBeCloseTo(100, 12);
    // NPS moves with revenue in the same month (the fixture's levels correlation is positive).
    expect(result.drivers[0]!.r).toBeGreaterThan(0.3);
  });
});

describe('agreement with the whole-column methods', () => {
  // Values as data hold them (scores, rates, amounts to two decimals), not subnormal doubles, which the streamed
  // squares would underflow while stats/drivers rescales each column first.
  const value = fc.integer({ min: -5000, max: 5000 }).map((v) => v / 100);
  const row = fc.tuple(value, value, value, fc.boolean());

  it('gives the same weights, shares and failures as johnsonRelativeWeights and shapleyR2', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 40 }), (rows) => {
        const x1 = Float64Array.from(rows, (r) => (r[3] ? Number.NaN : r[0]));
        const x2 = Float64Array.from(rows, (r) => r[1] + 0.5 * r[0]);
        const y = Float64Array.from(rows, (r) => r[2] - r[1]);
        const streamed = analyse([x1, x2], y);
        const johnson = johnsonRelativeWeights([x1, x2], y);
        const shapley = shapleyR2([x1, x2], y);
        expect(streamed.ok).toBe(johnson.ok);
        expect(shapley.ok).toBe(johnson.ok);
        if (!streamed.ok || !johnson.ok || !shapley.ok) return;
        expect(streamed.n).toBe(johnson.n);
        expect(streamed.rSquared).toBeCloseTo(johnson.rSquared, 9);
        streamed.drivers.forEach((d, j) => {
          expect(d.johnson.raw).toBeCloseTo(johnson.weights[j]!.raw, 9);
          expect(d.shapley!.r2).toBeCloseTo(shapley.shares[j]!.r2, 9);
        });
      }),
    );
  });

  it('never returns NaN: a result is finite throughout or a refusal with a reason', () => {
    const value = fc.oneof(fc.constant(Number.NaN), fc.constant(3), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { maxLength: 12 }), (rows) => {
        const columns = [0, 1, 2].map((c) => Float64Array.from(rows, (r) => r[c]!));
        const result = analyse([columns[0]!, columns[1]!], columns[2]!);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(20);
          return;
        }
        const numbers = [result.rSquared, ...result.drivers.flatMap((d) => [d.r, d.johnson.raw, d.johnson.pct, d.shapley!.r2, d.shapley!.pct])];
        expect(numbers.every(Number.isFinite)).toBe(true);
      }),
    );
  });
});

describe('refusals say why, in the words of the data', () => {
  const a = Float64Array.of(1, 2, 3, 4, 5, 6);
  const b = Float64Array.of(2, 1, 4, 3, 6, 7);
  const y = Float64Array.of(3, 5, 4, 8, 9, 12);
  const responses = { one: 'response', many: 'responses' };

  it('asks for a driver when none is ticked', () => {
    expect(analyse([], y)).toEqual({ ok: false, code: 'no-drivers', reason: 'no driver is chosen. Tick at least one driver.' });
  });

  it('says so when every row misses something', () => {
    const result = analyse([a], new Float64Array(6).fill(Number.NaN), { outcomeName: 'likelihood to recommend', rows: responses });
    expect(result).toMatchObject({
      code: 'no-complete-rows',
      reason: 'no response has a valid value for likelihood to recommend and all 1 driver at once.',
    });
  });

  it('needs at least p + 2 complete rows', () => {
    const gappy = Float64Array.of(1, Number.NaN, 3, Number.NaN, 5, Number.NaN);
    expect(analyse([a, gappy], y)).toMatchObject({
      code: 'too-few-rows',
      reason: 'only 3 periods have a value for revenue and all 2 drivers; at least 4 are needed. Choose fewer drivers or add data.',
    });
  });

  it('refuses a constant outcome and names a constant driver', () => {
    expect(analyse([a], new Float64Array(6).fill(7))).toMatchObject({ code: 'constant-outcome' });
    const result = analyse([a, new Float64Array(6).fill(4)], y, { names: ['NPS', 'CSAT'] });
    expect(result).toMatchObject({
      code: 'constant-driver',
      reason: 'CSAT has the same value in every complete period, so its importance cannot be measured. Untick it.',
    });
  });

  it('names the driver that repeats the others', () => {
    const sumOf = Float64Array.from(a, (v, i) => v + 2 * b[i]!);
    const result = analyse([a, b, sumOf], y, { names: ['NPS', 'CSAT', 'Index'] });
    expect(result).toMatchObject({
      code: 'collinear',
      reason:
        'the data cannot tell Index apart from NPS and CSAT: it is, or nearly is, an exact combination of them. ' +
        'Untick one of these drivers.',
    });
  });

  it('keeps Johnson weights and explains the missing Shapley shares past 12 drivers', () => {
    const n = 40;
    const drivers = Array.from({ length: 13 }, (_, j) =>
      Float64Array.from({ length: n }, (_, i) => Math.sin((i + 1) * (j + 1.3)) + 0.01 * ((i * (j + 3)) % 7)),
    );
    const outcome = Float64Array.from({ length: n }, (_, i) => drivers.reduce((s, d, j) => s + (j + 1) * d[i]!, 0) + Math.cos(i));
    const result = analyse(drivers, outcome);
    if (!result.ok) throw new Error(result.reason);
    expect(result.drivers.every((d) => d.shapley === null)).toBe(true);
    expect(sum(result.drivers.map((d) => d.johnson.raw))).toBeCloseTo(result.rSquared, 12);
    expect(result.shapleyNote).toMatch(/limited to 12 drivers; 13 are chosen/);
  });
});
