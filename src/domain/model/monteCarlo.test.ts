// Tests for the Monte Carlo engine: reproducible from its seed, identical in any split, right distributions, CRN comparisons.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks, runInChunks, splitEvenly } from './chunks';
import { compileModel, INITIATIVES_NPV } from './compile';
import { MonteCarloRunner, probabilityBeats, scenarioVariant, summarizeMonteCarlo } from './monteCarlo';
import { resolveOverrides } from './scenarios';
import type { InputSpec } from './sensitivityModel';
import { linearModel } from './testFunctions';
import { tinyModel, tinyPlan } from './testing';

const inputs: InputSpec[] = [
  { key: 'u', label: 'U', base: 0, distribution: { kind: 'uniform', low: 0, high: 10 } },
  { key: 't', label: 'T', base: 2, distribution: { kind: 'triangular', low: 0, high: 10 } },
  { key: 'k', label: 'K', base: 7, distribution: null },
];
const identity = linearModel([1, 0, 0], inputs);

describe('MonteCarloRunner', () => {
  const compiled = compileModel(tinyPlan(), tinyModel());

  it('repeats exactly from its seed, and changes with it', () => {
    const a = new MonteCarloRunner(compiled, { seed: 11, draws: 500 }).runRange(0, 500);
    const b = new MonteCarloRunner(compiled, { seed: 11, draws: 500 }).runRange(0, 500);
    const c = new MonteCarloRunner(compiled, { seed: 12, draws: 500 }).runRange(0, 500);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives identical results however the draws are split into ranges', () => {
    const runner = new MonteCarloRunner(compiled, { seed: 5, draws: 700 });
    const whole = runner.runRange(0, 700);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (parts) => {
        const fresh = new MonteCarloRunner(compiled, { seed: 5, draws: 700 });
        const pieces = splitEvenly(700, parts).map((r) => fresh.runRange(r.start, r.end));
        expect(concatChunks(pieces)).toEqual(whole);
      }),
      { numRuns: 8 },
    );
    expect(runInChunks(runner, { chunkSize: 97 })).toEqual(whole);
  });

  it('draws a uniform on 0..10 with P10 ≈ 1, P50 ≈ 5, P90 ≈ 9 and holds fixed inputs at base', () => {
    const runner = new MonteCarloRunner(identity, { seed: 1, draws: 40_000 });
    const summary = summarizeMonteCarlo(runner, identity, runner.runRange(0, 40_000));
    const y = summary.variants[0]?.outputs[0];
    expect(y?.p10).toBeCloseTo(1, 1);
    expect(y?.p50).toBeCloseTo(5, 1);
    expect(y?.p90).toBeCloseTo(9, 1);
    expect(y?.mean).toBeCloseTo(5, 1);
    expect(y?.sd).toBeCloseTo(Math.sqrt(100 / 12), 1);
  });

  it('draws a triangular with its analytic mean (low + base + high) / 3', () => {
    const model = linearModel([0, 1, 0], inputs);
    const runner = new MonteCarloRunner(model, { seed: 2, draws: 40_000 });
    const y = summarizeMonteCarlo(runner, model, runner.runRange(0, 40_000)).variants[0]?.outputs[0];
    expect(y?.mean).toBeCloseTo(4, 1);
    expect(y?.min).toBeGreaterThanOrEqual(0);
    expect(y?.max).toBeLessThanOrEqual(10);
  });

  it('orders every summary: min ≤ P10 ≤ P50 ≤ P90 ≤ max', () => {
    const runner = new MonteCarloRunner(compiled, { seed: 3, draws: 2000 });
    for (const output of summarizeMonteCarlo(runner, compiled, runner.runRange(0, 2000)).variants[0]?.outputs ?? []) {
      expect(output.min).toBeLessThanOrEqual(output.p10);
      expect(output.p10).toBeLessThanOrEqual(output.p50);
      expect(output.p50).toBeLessThanOrEqual(output.p90);
      expect(output.p90).toBeLessThanOrEqual(output.max);
    }
  });
});

describe('probabilityBeats', () => {
  it('uses common random numbers: a scenario that adds a constant beats the base on every draw', () => {
    const model = linearModel([1, 1, 1], inputs);
    const variants = [
      { name: 'Base', overrides: resolveOverrides(model, null) },
      { name: 'Plus one', overrides: resolveOverrides(model, { id: 'p', name: 'p', description: '', overrides: [{ inputKey: 'k', value: 8 }] }) },
    ];
    const runner = new MonteCarloRunner(model, { seed: 4, draws: 3000, variants });
    const values = runner.runRange(0, 3000);
    // With independent draws the two would overlap; on the same draws the difference is exactly 1 every time.
    expect(probabilityBeats(runner, model, values, 1, 0, 'y')).toEqual({ probability: 1, standardError: 0 });
    expect(probabilityBeats(runner, model, values, 0, 1, 'y').probability).toBe(0);
  });

  it('compares scenarios of the plan model on the initiatives’ NPV', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    const cautious = { id: 'c', name: 'Cautious', description: '', overrides: [{ inputKey: 'effect:i-coach:m-aht', value: -5 }] };
    const variants = [scenarioVariant(compiled, null), scenarioVariant(compiled, cautious)];
    const runner = new MonteCarloRunner(compiled, { seed: 8, draws: 2000, variants });
    const values = runner.runRange(0, 2000);
    expect(runner.variantNames).toEqual(['Base case', 'Cautious']);
    const p = probabilityBeats(runner, compiled, values, 0, 1, INITIATIVES_NPV);
    expect(p.probability).toBeGreaterThan(0.9);
    expect(p.standardError).toBeLessThan(0.01);
  });

  it('reads the ranges of a run in place: summary and comparison equal those of the joined values', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    const cautious = { id: 'c', name: 'Cautious', description: '', overrides: [{ inputKey: 'effect:i-coach:m-aht', value: -5 }] };
    const variants = [scenarioVariant(compiled, null), scenarioVariant(compiled, cautious)];
    const runner = new MonteCarloRunner(compiled, { seed: 8, draws: 20_000, variants });
    const parts = [runner.runRange(0, 7), runner.runRange(7, 12_000), runner.runRange(12_000, 20_000)];
    const whole = runner.runRange(0, 20_000);
    expect(summarizeMonteCarlo(runner, compiled, parts)).toEqual(summarizeMonteCarlo(runner, compiled, whole));
    expect(probabilityBeats(runner, compiled, parts, 0, 1, INITIATIVES_NPV)).toEqual(probabilityBeats(runner, compiled, whole, 0, 1, INITIATIVES_NPV));
  });
});
