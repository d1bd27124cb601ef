// Saved runs in plan data: what the app saves is accepted; hostile or inconsistent runs are refused at their field.
import { describe, expect, it } from 'vitest';
import { saveMonteCarloRun, saveMorrisRun, savedOutcome, saveSobolRun } from '../domain/model/savedRuns';
import type { SavedRuns } from '../domain/model/stored';
import { tinyRunResults } from '../domain/model/testing';
import type { Plan } from '../domain/plan/types';
import type { FieldError } from './fieldError';
import { northwindPlan } from './fixtures/northwindPlan';
import { MODEL_FILE_LIMITS } from './modelSchema';
import { validatePlan } from './planSchema';

const stamp = { ranAt: '2026-11-23T16:40:00.000Z', fingerprint: '0123456789abcd', seed: 3 };

/** The three runs of the tiny model, saved as the app saves them. */
function appRuns(): SavedRuns {
  const { compiled, monteCarlo, sobol, morris } = tinyRunResults();
  return {
    monteCarlo: saveMonteCarloRun(monteCarlo, compiled.outputs, stamp),
    sobol: saveSobolRun(sobol, savedOutcome(compiled.outputs, sobol.outputKey), stamp),
    morris: saveMorrisRun(morris, savedOutcome(compiled.outputs, morris.outputKey), stamp),
  };
}

/** Northwind with the app's runs, as loose JSON to break in one place. */
function withRuns(): Record<string, any> {
  const plan = structuredClone(northwindPlan) as Record<string, any>;
  plan.model.runs = appRuns();
  return plan;
}

function errorsOf(data: unknown): FieldError[] {
  const result = validatePlan(data);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.error;
}

const RUNS = 'plan.model.runs';

describe('saved runs in a plan', () => {
  it('accepts the runs the app saves, and none at all', () => {
    expect(validatePlan(withRuns())).toEqual({ ok: true, value: withRuns() as Plan });
    const none = withRuns();
    none.model.runs = { monteCarlo: null, sobol: null, morris: null };
    expect(validatePlan(none).ok).toBe(true);
  });

  it('requires the runs of a model and refuses a field it does not know', () => {
    const missing = withRuns();
    delete missing.model.runs;
    expect(errorsOf(missing)).toEqual([{ path: 'plan.model.runs', message: 'required field "runs" is missing' }]);
    const extra = withRuns();
    extra.model.runs.morris.script = '<script>';
    expect(errorsOf(extra)).toEqual([
      { path: `${RUNS}.morris.script`, message: 'unexpected field "script": it is not part of the format' },
    ]);
  });

  it('refuses numbers that are not finite and values outside their range, naming the field', () => {
    const cases: [(plan: Record<string, any>) => void, string, string][] = [
      [
        (p) => (p.model.runs.monteCarlo.scenarios[0].outputs[0].p10 = Number.POSITIVE_INFINITY),
        `${RUNS}.monteCarlo.scenarios[0].outputs[0].p10`,
        'a finite number',
      ],
      [
        (p) => (p.model.runs.monteCarlo.scenarios[1].outputs[2].mean = Number.NaN),
        `${RUNS}.monteCarlo.scenarios[1].outputs[2].mean`,
        'a finite number',
      ],
      [
        (p) => (p.model.runs.monteCarlo.scenarios[0].outputs[0].sd = -1),
        `${RUNS}.monteCarlo.scenarios[0].outputs[0].sd`,
        'a standard deviation of 0 or more',
      ],
      [
        (p) => (p.model.runs.monteCarlo.beats[0].probability = 1.5),
        `${RUNS}.monteCarlo.beats[0].probability`,
        'a probability from 0 to 1',
      ],
      [
        (p) => (p.model.runs.sobol.inputs[0].total.high = '0.4'),
        `${RUNS}.sobol.inputs[0].total.high`,
        'a finite number',
      ],
      [
        (p) => (p.model.runs.morris.inputs[0].muStar = -3),
        `${RUNS}.morris.inputs[0].muStar`,
        'a μ* of 0 or more',
      ],
      [
        (p) => (p.model.runs.morris.trajectories = 1.5),
        `${RUNS}.morris.trajectories`,
        'a whole number of trajectories of 2 or more',
      ],
      [
        (p) => (p.model.runs.sobol.fingerprint = 'not a hash'),
        `${RUNS}.sobol.fingerprint`,
        'a fingerprint of 14 lowercase hex digits',
      ],
      [
        (p) => (p.model.runs.morris.ranAt = 'yesterday'),
        `${RUNS}.morris.ranAt`,
        'an ISO 8601 timestamp',
      ],
      [
        (p) => (p.model.runs.sobol.outcome.unit = 'furlongs'),
        `${RUNS}.sobol.outcome.unit`,
        'one of "score"',
      ],
    ];
    for (const [breakIt, path, expected] of cases) {
      const plan = withRuns();
      breakIt(plan);
      const errors = errorsOf(plan);
      expect(errors.map((e) => e.path), path).toEqual([path]);
      expect(errors[0]?.message, path).toContain(`expected ${expected}`);
    }
  });

  it('refuses typed arrays, over-long text and over-long lists', () => {
    const typed = withRuns();
    typed.model.runs.morris.inputs = new Float64Array(3);
    expect(errorsOf(typed).map((e) => e.path)).toEqual([`${RUNS}.morris.inputs`]);

    const long = withRuns();
    long.model.runs.sobol.inputs[0].label = 'x'.repeat(MODEL_FILE_LIMITS.runLabelLength + 1);
    const max = MODEL_FILE_LIMITS.runLabelLength;
    expect(errorsOf(long)).toEqual([
      { path: `${RUNS}.sobol.inputs[0].label`, message: `expected at most ${max} characters but found ${max + 1}` },
    ]);

    const three = withRuns();
    three.model.runs.monteCarlo.scenarios.push(three.model.runs.monteCarlo.scenarios[0]);
    expect(errorsOf(three)).toEqual([{ path: `${RUNS}.monteCarlo.scenarios`, message: 'expected at most 2 items but found 3' }]);

    const none = withRuns();
    none.model.runs.monteCarlo.scenarios = [];
    expect(errorsOf(none)).toEqual([{ path: `${RUNS}.monteCarlo.scenarios`, message: 'expected one or two scenarios but found none' }]);
  });

  it('refuses runs whose parts do not hang together, which would leave gaps in their tables', () => {
    const uneven = withRuns();
    uneven.model.runs.monteCarlo.scenarios[1].outputs.reverse();
    expect(errorsOf(uneven).map((e) => e.path)).toEqual([`${RUNS}.monteCarlo.scenarios[1].outputs[0].key`]);

    const shorter = withRuns();
    shorter.model.runs.monteCarlo.beats.pop();
    expect(errorsOf(shorter).map((e) => e.path)).toEqual([`${RUNS}.monteCarlo.beats`]);

    const lonely = withRuns();
    lonely.model.runs.monteCarlo.scenarios.pop();
    expect(errorsOf(lonely)).toEqual([
      { path: `${RUNS}.monteCarlo.beats`, message: 'expected null, as only one scenario ran, but found a list' },
    ]);

    const noComparison = withRuns();
    noComparison.model.runs.monteCarlo.beats = null;
    expect(errorsOf(noComparison).map((e) => e.path)).toEqual([`${RUNS}.monteCarlo.beats`]);

    const twice = withRuns();
    twice.model.runs.morris.inputs.push(twice.model.runs.morris.inputs[0]);
    expect(errorsOf(twice).map((e) => e.path)).toEqual([`${RUNS}.morris.inputs[${twice.model.runs.morris.inputs.length - 1}].key`]);
  });
});
