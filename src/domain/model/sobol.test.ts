// Tests for the Sobol engine: Ishigami's known indices, a linear model's variance shares, split invariance, zero reporting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks, splitEvenly } from './chunks';
import { compileModel } from './compile';
import type { InputSpec } from './sensitivityModel';
import { sobolIndices, SobolRunner } from './sobol';
import { ISHIGAMI_INDICES, ishigamiModel, linearModel, linearVarianceShares } from './testFunctions';
import { tinyModel, tinyPlan } from './testing';

describe('Sobol indices of the Ishigami function (a = 7, b = 0.1)', () => {
  const model = ishigamiModel();
  const runner = new SobolRunner(model, { seed: 2024, n: 16_384 });
  const result = sobolIndices(runner, model, runner.runRange(0, runner.total), { outputKey: 'y', bootstrap: 300 });

  it('runs N × (D + 2) evaluations', () => {
    expect(result.runs).toBe(16_384 * 5);
  });

  it('holds every known first-order and total index within its own bootstrap interval', () => {
    result.inputs.forEach((input, i) => {
      const s1 = ISHIGAMI_INDICES.first[i] as number;
      const st = ISHIGAMI_INDICES.total[i] as number;
      expect(input.first.low).toBeLessThanOrEqual(s1);
      expect(input.first.high).toBeGreaterThanOrEqual(s1);
      expect(input.total.low).toBeLessThanOrEqual(st);
      expect(input.total.high).toBeGreaterThanOrEqual(st);
      expect(input.first.raw).toBeCloseTo(s1, 1);
      expect(input.total.raw).toBeCloseTo(st, 1);
    });
  });

  it('reports x3’s first-order index, whose interval covers zero, as 0 when negative, keeping the raw estimate', () => {
    const x3 = result.inputs[2]?.first;
    expect(x3?.low).toBeLessThan(0);
    expect(x3?.high).toBeGreaterThan(0);
    expect(x3?.value).toBe(Math.max(0, x3?.raw ?? 0));
  });

  it('estimates the output variance (a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.845)', () => {
    expect(result.variance).toBeCloseTo(13.845, 0);
  });
});

describe('Sobol indices of a linear model with independent inputs', () => {
  const inputs: InputSpec[] = [
    { key: 'a', label: 'a', base: 0, distribution: { kind: 'uniform', low: -1, high: 1 } },
    { key: 'b', label: 'b', base: 1, distribution: { kind: 'normal', low: 0, high: 2 } },
    { key: 'c', label: 'c', base: 2, distribution: { kind: 'triangular', low: 0, high: 5 } },
    { key: 'd', label: 'd', base: 3, distribution: null },
  ];
  const coefficients = [3, -2, 1, 10];
  const model = linearModel(coefficients, inputs);
  const runner = new SobolRunner(model, { seed: 7, n: 16_384 });
  const result = sobolIndices(runner, model, runner.runRange(0, runner.total), { outputKey: 'y' });
  const shares = linearVarianceShares(coefficients, inputs);

  it('gives first-order indices equal to the analytic variance shares, within their intervals', () => {
    expect(result.inputs.map((i) => i.key)).toEqual(['a', 'b', 'c']);
    result.inputs.forEach((input, i) => {
      expect(input.first.raw).toBeCloseTo(shares[i] as number, 1);
      expect(input.first.low).toBeLessThanOrEqual(shares[i] as number);
      expect(input.first.high).toBeGreaterThanOrEqual(shares[i] as number);
    });
  });

  it('gives total indices equal to first-order ones (no interactions), within their intervals', () => {
    result.inputs.forEach((input, i) => {
      expect(input.total.raw).toBeCloseTo(shares[i] as number, 1);
      expect(input.total.low).toBeLessThanOrEqual(shares[i] as number);
      expect(input.total.high).toBeGreaterThanOrEqual(shares[i] as number);
    });
  });
});

describe('SobolRunner', () => {
  it('gives identical results however the rows are split into ranges', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    const whole = new SobolRunner(compiled, { seed: 3, n: 300 }).runRange(0, 300);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (parts) => {
        const runner = new SobolRunner(compiled, { seed: 3, n: 300 });
        expect(concatChunks(splitEvenly(300, parts).map((r) => runner.runRange(r.start, r.end)))).toEqual(whole);
      }),
      { numRuns: 7 },
    );
  });

  it('keeps only the named outputs, with the same indices as a design that kept them all', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    const key = compiled.outputs[compiled.outputs.length - 1]?.key as string;
    const all = new SobolRunner(compiled, { seed: 4, n: 200 });
    const one = new SobolRunner(compiled, { seed: 4, n: 200, outputKeys: [key] });
    expect(one.valuesPerUnit * compiled.outputs.length).toBe(all.valuesPerUnit);
    expect(sobolIndices(one, compiled, one.runRange(0, 200), { outputKey: key })).toEqual(
      sobolIndices(all, compiled, all.runRange(0, 200), { outputKey: key }),
    );
    expect(() => sobolIndices(one, compiled, one.runRange(0, 200), { outputKey: compiled.outputs[0]?.key as string })).toThrow(
      /did not keep/,
    );
  });

  it('bootstraps blocks of rows: a design of 100,000 rows still has intervals around its estimates', () => {
    const model = ishigamiModel();
    const runner = new SobolRunner(model, { seed: 11, n: 100_000 });
    const result = sobolIndices(runner, model, runner.runRange(0, runner.total), { outputKey: 'y', bootstrap: 100 });
    result.inputs.forEach((input, i) => {
      expect(input.first.low).toBeLessThanOrEqual(input.first.raw);
      expect(input.first.high).toBeGreaterThanOrEqual(input.first.raw);
      expect(input.total.high - input.total.low).toBeGreaterThan(0);
      expect(input.total.raw).toBeCloseTo(ISHIGAMI_INDICES.total[i] as number, 1);
    });
  });

  it('reports all indices as 0 for an output that does not vary', () => {
    const model = linearModel([0], [{ key: 'a', label: 'a', base: 0, distribution: { kind: 'uniform', low: 0, high: 1 } }]);
    const runner = new SobolRunner(model, { seed: 1, n: 100 });
    const result = sobolIndices(runner, model, runner.runRange(0, 100), { outputKey: 'y', bootstrap: 10 });
    expect(result.constantOutput).toBe(true);
    expect(result.inputs[0]?.first).toEqual({ value: 0, raw: 0, low: 0, high: 0 });
  });

  it('repeats its bootstrap intervals from the seed', () => {
    const model = ishigamiModel();
    const runner = new SobolRunner(model, { seed: 5, n: 512 });
    const values = runner.runRange(0, 512);
    expect(sobolIndices(runner, model, values, { outputKey: 'y', bootstrap: 50 })).toEqual(
      sobolIndices(runner, model, values, { outputKey: 'y', bootstrap: 50 }),
    );
  });
});
