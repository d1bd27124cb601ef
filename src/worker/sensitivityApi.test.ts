// Tests for the sensitivity worker's functions, run directly: any split of a job over workers gives one pass's result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks, splitEvenly } from '../domain/model/chunks';
import { compileModel, INITIATIVES_NPV, ModelInvalidError, TOTAL_VALUE } from '../domain/model/compile';
import { MonteCarloRunner, scenarioVariant, summarizeMonteCarlo } from '../domain/model/monteCarlo';
import { MorrisRunner, morrisIndices } from '../domain/model/morris';
import { SobolRunner, sobolIndices } from '../domain/model/sobol';
import type { PlanModel } from '../domain/model/stored';
import { tinyModel, tinyPlan } from '../domain/model/testing';
import { createSensitivityApi, type SensitivityApi, type SensitivityJob } from './sensitivityApi';

const plan = tinyPlan();

/** The tiny model with a second scenario, so Monte Carlo can compare two. */
function model(): PlanModel {
  const m = tinyModel();
  m.scenarios.push({ id: 's-none', name: 'All individual', description: '', overrides: [{ inputKey: 'collectiveShare:*', value: 0 }] });
  return m;
}

const jobs: { [K in SensitivityJob['kind']]: Extract<SensitivityJob, { kind: K }> } = {
  monteCarlo: { kind: 'monteCarlo', plan, model: model(), seed: 7, draws: 900, scenarioIds: ['s-all-in', 's-none'] },
  sobol: { kind: 'sobol', plan, model: model(), seed: 7, n: 300, outputKey: TOTAL_VALUE },
  morris: { kind: 'morris', plan, model: model(), seed: 7, trajectories: 40, outputKey: INITIATIVES_NPV },
};

/** `workers` fresh APIs (as separate workers would hold) with the job prepared in each. */
function pool(workers: number, job: SensitivityJob): SensitivityApi[] {
  return Array.from({ length: workers }, () => {
    const api = createSensitivityApi();
    api.prepare('job', job);
    return api;
  });
}

/** Runs the given ranges, range i on worker i mod workers, in order. */
function runParts(apis: SensitivityApi[], ranges: { start: number; end: number }[]): Float64Array[] {
  return ranges.map((r, i) => (apis[i % apis.length] as SensitivityApi).runRange('job', r.start, r.end).values);
}

describe('sensitivity worker API', () => {
  it.each(Object.keys(jobs) as SensitivityJob['kind'][])('gives the %s result of one worker when the units are split over three', (kind) => {
    const job = jobs[kind];
    const [single] = pool(1, job) as [SensitivityApi];
    const shape = single.prepare('job', job);
    const whole = single.runRange('job', 0, shape.total).values;
    expect(whole.length).toBe(shape.total * shape.valuesPerUnit);
    const three = pool(3, job);
    const parts = runParts(three, splitEvenly(shape.total, 3));
    expect(concatChunks(parts)).toEqual(whole);
    expect((three[2] as SensitivityApi).summarize('job', parts)).toEqual(single.summarize('job', [whole]));
  });

  it('reproduces a Monte Carlo for any chunking of the draws over any number of workers', () => {
    const job = jobs.monteCarlo;
    const [single] = pool(1, job) as [SensitivityApi];
    const whole = single.runRange('job', 0, 900).values;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.uniqueArray(fc.integer({ min: 1, max: 899 }), { maxLength: 12 }), (workers, cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), 900];
        const ranges = bounds.slice(1).map((end, i) => ({ start: bounds[i] as number, end }));
        expect(concatChunks(runParts(pool(workers, job), ranges))).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('summarises a Monte Carlo of two scenarios as the engine does, with the first against the second on every output', () => {
    const [api] = pool(1, jobs.monteCarlo) as [SensitivityApi];
    const result = api.summarize('job', [api.runRange('job', 0, 900).values]);
    if (result.kind !== 'monteCarlo') throw new Error(`expected a Monte Carlo result, got ${result.kind}`);

    const compiled = compileModel(plan, model());
    const variants = model()
      .scenarios.slice(0, 2)
      .map((s) => scenarioVariant(compiled, s));
    const runner = new MonteCarloRunner(compiled, { seed: 7, draws: 900, variants });
    const values = runner.runRange(0, 900);
    expect(result.result.scenarioIds).toEqual(['s-all-in', 's-none']);
    expect(result.result.summary).toEqual(summarizeMonteCarlo(runner, compiled, values));
    expect(result.result.summary.variants.map((v) => v.name)).toEqual(['All collective', 'All individual']);
    expect(result.result.beats?.map((b) => b.outputKey)).toEqual(compiled.outputs.map((o) => o.key));
    for (const beats of result.result.beats ?? []) {
      expect(beats.probability).toBeGreaterThanOrEqual(0);
      expect(beats.probability).toBeLessThanOrEqual(1);
    }
  });

  it('runs the base case alone when no scenario is named, and compares nothing', () => {
    const job: SensitivityJob = { ...jobs.monteCarlo, scenarioIds: [] };
    const [api] = pool(1, job) as [SensitivityApi];
    const result = api.summarize('job', [api.runRange('job', 0, 900).values]);
    if (result.kind !== 'monteCarlo') throw new Error(`expected a Monte Carlo result, got ${result.kind}`);
    expect(result.result.scenarioIds).toEqual([null]);
    expect(result.result.summary.variants.map((v) => v.name)).toEqual(['Base case']);
    expect(result.result.summary.draws).toBe(900);
    expect(result.result.beats).toBeNull();
  });

  it('compares the base case with a scenario when null is named first', () => {
    const job: SensitivityJob = { ...jobs.monteCarlo, scenarioIds: [null, 's-all-in'] };
    const [api] = pool(1, job) as [SensitivityApi];
    const result = api.summarize('job', [api.runRange('job', 0, 900).values]);
    if (result.kind !== 'monteCarlo') throw new Error(`expected a Monte Carlo result, got ${result.kind}`);
    expect(result.result.summary.variants.map((v) => v.name)).toEqual(['Base case', 'All collective']);
    expect(result.result.beats).toHaveLength(compileModel(plan, model()).outputs.length);
  });

  it('gives the engine’s Sobol and Morris results', () => {
    const compiled = compileModel(plan, model());
    const [sobolApi] = pool(1, jobs.sobol) as [SensitivityApi];
    const sobol = new SobolRunner(compiled, { seed: 7, n: 300 });
    expect(sobolApi.summarize('job', [sobolApi.runRange('job', 0, 300).values])).toEqual({
      kind: 'sobol',
      result: sobolIndices(sobol, compiled, sobol.runRange(0, 300), { outputKey: TOTAL_VALUE }),
    });
    const [morrisApi] = pool(1, jobs.morris) as [SensitivityApi];
    const morris = new MorrisRunner(compiled, { seed: 7, trajectories: 40 });
    expect(morrisApi.summarize('job', [morrisApi.runRange('job', 0, 40).values])).toEqual({
      kind: 'morris',
      result: morrisIndices(morris, compiled, morris.runRange(0, 40), INITIATIVES_NPV),
    });
  });

  it('compiles again when the model changes, and reuses the compiled model while it does not', () => {
    const api = createSensitivityApi();
    const longer = model();
    longer.settings.horizonMonths += 12;
    const result = (job: SensitivityJob): unknown => {
      const shape = api.prepare('job', job);
      return api.summarize('job', [api.runRange('job', 0, shape.total).values]);
    };
    const first = result(jobs.monteCarlo);
    expect(result({ ...jobs.monteCarlo, model: longer })).not.toEqual(first);
    expect(result(jobs.monteCarlo)).toEqual(first);
    expect(result(structuredClone(jobs.monteCarlo))).toEqual(first);
  });

  it('reports the units, runs per unit and values per unit of a job', () => {
    const api = createSensitivityApi();
    const outputs = compileModel(plan, model()).outputs.length;
    const uncertain = compileModel(plan, model()).inputs.filter((i) => i.distribution !== null).length;
    expect(api.prepare('mc', jobs.monteCarlo)).toEqual({ total: 900, runsPerUnit: 2, valuesPerUnit: 2 * outputs });
    expect(api.prepare('sobol', jobs.sobol)).toEqual({ total: 300, runsPerUnit: uncertain + 2, valuesPerUnit: uncertain + 2 });
    expect(api.prepare('morris', jobs.morris)).toEqual({ total: 40, runsPerUnit: uncertain + 1, valuesPerUnit: (uncertain + 1) * outputs });
  });

  it('refuses an unknown scenario or output before running anything', () => {
    const api = createSensitivityApi();
    expect(() => api.prepare('a', { ...jobs.monteCarlo, scenarioIds: ['s-gone'] })).toThrow('no scenario "s-gone"');
    expect(() => api.prepare('b', { ...jobs.sobol, outputKey: 'kpi:nowhere' })).toThrow('no output "kpi:nowhere"');
    expect(() => api.prepare('c', { ...jobs.morris, outputKey: 'kpi:nowhere' })).toThrow('no output "kpi:nowhere"');
  });

  it('refuses a model that does not validate', () => {
    const broken = model();
    broken.settings.horizonMonths = 0;
    expect(() => createSensitivityApi().prepare('job', { ...jobs.sobol, model: broken })).toThrow(ModelInvalidError);
  });

  it('forgets a released job', () => {
    const [api] = pool(1, jobs.morris) as [SensitivityApi];
    api.release('job');
    expect(() => api.runRange('job', 0, 1)).toThrow('No sensitivity job "job"');
    expect(() => api.release('job')).not.toThrow();
  });
});
