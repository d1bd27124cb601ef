// Tests for the benchmark model: the size the issue names, and a bare loop that really evaluates.
import { describe, expect, it } from 'vitest';
import { bareLoop, benchmarkModel } from './benchmark';
import { baseInputs, evaluateOnce } from './sensitivityModel';

describe('benchmarkModel', () => {
  const model = benchmarkModel();

  it('has 6 departments, 12 metrics and 30 uncertain inputs', () => {
    expect(model.departments).toHaveLength(6);
    expect(model.metrics).toHaveLength(12);
    expect(model.inputs.filter((i) => i.distribution !== null)).toHaveLength(30);
  });

  it('evaluates to finite outputs, and the bare loop sums the first of them over its runs', () => {
    const out = evaluateOnce(model, baseInputs(model));
    expect(out.every(Number.isFinite)).toBe(true);
    expect(bareLoop(model, 10)).toBeCloseTo((out[0] as number) * 10, 3);
  });
});
