// Tests for the monthly projection: paths, benefits by timing and route, and agreement with the fast evaluator.
import { describe, expect, it } from 'vitest';
import { compileModel, INITIATIVES_NPV, WEIGHTING_VALUE } from './compile';
import { projectModel } from './projection';
import { baseInputs, evaluateOnce, outputIndex } from './sensitivityModel';
import { tinyModel, tinyPlan } from './testing';

describe('projectModel', () => {
  const compiled = compileModel(tinyPlan(), tinyModel());
  const projection = projectModel(compiled);
  const initiative = projection.initiatives[0];

  it('shows the initiative’s metric path with its lag and ramp', () => {
    const aht = projection.metrics.find((m) => m.metricId === 'm-aht');
    // Weighting: −12 s from month 1. Initiative: −10 s, half in month 2, full from month 3.
    expect(aht?.monthly.slice(0, 4)).toEqual([0, -12, -17, -22]);
  });

  it('splits the initiative’s benefits into immediate (AHT, lag 0) and delayed (CSAT, 2 months later)', () => {
    expect(initiative?.immediate.slice(0, 5)).toEqual([0, 0, 7500, 15_000, 15_000]);
    expect(initiative?.delayed.slice(0, 6).map((x) => Number(x.toFixed(9)))).toEqual([0, 0, 0, 0, 80, 160]);
    expect(initiative?.byCategory.cost.reduce((a, b) => a + b, 0)).toBeCloseTo(157_500, 9);
    expect(initiative?.byCategory.retention.reduce((a, b) => a + b, 0)).toBeCloseTo(1360, 9);
    expect(initiative?.byCategory.revenue.every((x) => x === 0)).toBe(true);
  });

  it('gives the initiative’s payback month: cumulative −10,000, −10,500, −3,500, then positive from month 3', () => {
    expect(initiative?.costs.slice(0, 3)).toEqual([10_000, 500, 500]);
    expect(initiative?.summary.paybackMonth).toBe(3);
  });

  it('agrees with the evaluator on the present values', () => {
    const out = evaluateOnce(compiled, baseInputs(compiled));
    expect(projection.weighting.summary.pvBenefits).toBeCloseTo(out[outputIndex(compiled, WEIGHTING_VALUE)] as number, 6);
    expect(projection.portfolio.summary.npv).toBeCloseTo(out[outputIndex(compiled, INITIATIVES_NPV)] as number, 6);
    expect(projection.weighting.summary.roi).toBeNull();
  });

  it('lists the goal KPIs’ paths', () => {
    expect(projection.kpis.map((k) => k.metricId)).toEqual(['m-revenue']);
    expect(projection.kpis[0]?.monthly).toHaveLength(13);
  });
});
