// Saving finished runs: every number the views show survives, as plain JSON, and nothing the views never show is kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonteCarloOutcome } from './monteCarlo';
import type { MorrisResult } from './morris';
import { saveMonteCarloRun, saveMorrisRun, SAVED_RUN_ROWS_MAX, savedOutcome, saveSobolRun } from './savedRuns';
import type { OutputSpec } from './sensitivityModel';
import type { SavedRunStamp } from './stored';
import { tinyRunResults } from './testing';

const stamp: SavedRunStamp = { ranAt: '2026-11-23T16:40:00.000Z', fingerprint: '0123456789abcd', seed: 3 };

/** Equal after a trip through JSON text: plain objects, arrays, strings, finite numbers and null only. */
function survivesJson(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  const typed = (v: unknown): boolean =>
    ArrayBuffer.isView(v) || (v !== null && typeof v === 'object' && Object.values(v as object).some(typed));
  expect(typed(value)).toBe(false);
}

describe('saving a Monte Carlo run', () => {
  const { compiled, monteCarlo } = tinyRunResults();

  it('keeps per scenario its id and name, per outcome its unit and every number the table, charts and CSV show', () => {
    const saved = saveMonteCarloRun(monteCarlo, compiled.outputs, stamp);
    expect(saved).toMatchObject({ ...stamp, draws: 400 });
    expect(saved.scenarios.map((s) => [s.scenarioId, s.name])).toEqual([
      [null, 'Base case'],
      ['s-all-in', 'All collective'],
    ]);
    saved.scenarios.forEach((scenario, v) => {
      const engine = monteCarlo.summary.variants[v]!;
      expect(scenario.outputs).toEqual(
        engine.outputs.map((o, k) => ({
          key: o.key,
          label: o.label,
          unit: compiled.outputs[k]!.unit,
          mean: o.mean,
          sd: o.sd,
          p10: o.p10,
          p50: o.p50,
          p90: o.p90,
        })),
      );
    });
    expect(saved.beats).toEqual(monteCarlo.beats);
    survivesJson(saved);
  });

  it('round-trips any summary the engine can give, through JSON, without losing a shown number', () => {
    const value = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
    const output = (key: string) =>
      fc.record({
        key: fc.constant(key),
        label: fc.string(),
        mean: value,
        sd: value,
        min: value,
        p10: value,
        p50: value,
        p90: value,
        max: value,
      });
    const comparison = (key: string) =>
      fc.record({ outputKey: fc.constant(key), label: fc.string(), probability: value, standardError: value });
    const outcome: fc.Arbitrary<MonteCarloOutcome> = fc
      .tuple(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 2 }))
      .chain(([keys, count]) =>
        fc.record({
          scenarioIds: fc.array(fc.option(fc.string({ minLength: 1 })), { minLength: count, maxLength: count }),
          summary: fc.record({
            draws: fc.integer({ min: 1, max: 1e6 }),
            variants: fc.array(fc.record({ name: fc.string(), outputs: fc.tuple(...keys.map(output)) }), {
              minLength: count,
              maxLength: count,
            }),
          }),
          beats: count === 1 ? fc.constant(null) : fc.tuple(...keys.map(comparison)),
        }),
      );
    fc.assert(
      fc.property(outcome, (result) => {
        const outputs: OutputSpec[] = result.summary.variants[0]!.outputs.map((o) => ({ ...o, unit: 'currency' }));
        const saved = saveMonteCarloRun(result, outputs, stamp);
        survivesJson(saved);
        expect(saved.draws).toBe(result.summary.draws);
        saved.scenarios.forEach((scenario, v) => {
          const engine = result.summary.variants[v]!;
          expect(scenario.scenarioId).toBe(result.scenarioIds[v]);
          expect(scenario.name).toBe(engine.name);
          const shown = (o: { key: string; label: string; mean: number; sd: number; p10: number; p50: number; p90: number }) =>
            [o.key, o.label, o.mean, o.sd, o.p10, o.p50, o.p90];
          expect(scenario.outputs.map(shown)).toEqual(engine.outputs.map(shown));
        });
        expect(saved.beats).toEqual(result.beats);
      }),
      { numRuns: 100 },
    );
  });
});

describe('saving a Sobol run', () => {
  const { compiled, sobol } = tinyRunResults();

  it('keeps each input’s reported indices and intervals, largest total index first, and the outcome as named then', () => {
    const saved = saveSobolRun(sobol, savedOutcome(compiled.outputs, sobol.outputKey), stamp);
    expect(saved).toMatchObject({ ...stamp, n: 128, runs: sobol.runs, mean: sobol.mean, constantOutput: false });
    expect(saved.outcome).toEqual({ key: 'totalValue', label: 'Total value', unit: 'currency' });
    const byTotal = [...sobol.inputs].sort((a, b) => b.total.value - a.total.value);
    expect(saved.inputs).toEqual(
      byTotal.map((i) => ({
        key: i.key,
        label: i.label,
        first: { value: i.first.value, low: i.first.low, high: i.first.high },
        total: { value: i.total.value, low: i.total.low, high: i.total.high },
      })),
    );
    survivesJson(saved);
  });
});

describe('saving a Morris screening', () => {
  const { compiled, morris } = tinyRunResults();

  it('keeps μ*, μ and σ of every input in the engine’s order (largest μ* first)', () => {
    const saved = saveMorrisRun(morris, savedOutcome(compiled.outputs, morris.outputKey), stamp);
    expect(saved).toMatchObject({ ...stamp, trajectories: 6, runs: morris.runs });
    expect(saved.inputs).toEqual(morris.inputs);
    survivesJson(saved);
  });

  it('keeps the most important inputs up to the plan file’s cap', () => {
    const many: MorrisResult = {
      outputKey: 'weightingValue',
      trajectories: 2,
      runs: 0,
      inputs: Array.from({ length: SAVED_RUN_ROWS_MAX + 2 }, (_, i) => ({ key: `k${i}`, label: `K${i}`, muStar: -i, mu: 0, sigma: 0 })),
    };
    const saved = saveMorrisRun(many, savedOutcome([], 'weightingValue'), stamp);
    expect(saved.inputs).toHaveLength(SAVED_RUN_ROWS_MAX);
    expect(saved.inputs.at(-1)?.key).toBe(`k${SAVED_RUN_ROWS_MAX - 1}`);
  });
});

describe('savedOutcome', () => {
  it('names an outcome as the model does, and keeps a key the model no longer has readable', () => {
    const outputs: OutputSpec[] = [{ key: 'kpi:m-churn', label: 'Churn change by month 12', unit: 'percent' }];
    expect(savedOutcome(outputs, 'kpi:m-churn')).toEqual({ key: 'kpi:m-churn', label: 'Churn change by month 12', unit: 'percent' });
    expect(savedOutcome(outputs, 'gone')).toEqual({ key: 'gone', label: 'gone', unit: 'score' });
  });
});
