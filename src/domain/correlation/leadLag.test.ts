// Leading or lagging from the data, on the fixture's known leads (NPS → revenue by 3, effort → churn by 1).

import { describe, expect, it } from 'vitest';
import { createRng } from '../random/prng';
import { kpis, revenue } from './fixturesForTests';
import { leadLag } from './leadLag';

const nps = kpis.numbers('nps');

describe('leadLag', () => {
  it("finds NPS's changes 3 months ahead of revenue's, against the library's 'lagging' label", () => {
    const result = leadLag(nps, revenue, { label: 'lagging' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.direction).toBe('leads');
    expect(result.maxLag).toBe(12);
    expect(result.profile.map((p) => p.lag)).toEqual(Array.from({ length: 25 }, (_, i) => i - 12));
    expect(result.leading).toMatchObject({ lag: 3, significant: true });
    expect(result.leading?.r).toBeCloseTo(0.6914, 4);
    expect(result.following?.significant).toBe(false);
    expect(result.lagsTried).toBe(24);
    expect(result.disagrees).toBe(true);
    expect(result.explanation).toMatch(/^The metric's changes come 3 periods before/);
  });

  it('sees the same link from the other side: revenue lags NPS by 3 months', () => {
    const result = leadLag(revenue, nps, { label: 'lagging' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.direction).toBe('lags');
    expect(result.following?.lag).toBe(-3);
    expect(result.disagrees).toBe(false);
  });

  it('finds customer effort leading churn by one month, as the fixture was generated', () => {
    const result = leadLag(kpis.numbers('ces'), kpis.numbers('churn_rate'), { label: 'leading' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.direction).toBe('leads');
    expect(result.leading?.lag).toBe(1);
    expect(result.disagrees).toBe(false);
  });

  it('calls unrelated series unclear, which never disagrees with a label', () => {
    const rng = createRng(7);
    const a = Float64Array.from({ length: 60 }, () => rng.normal());
    const b = Float64Array.from({ length: 60 }, () => rng.normal());
    const result = leadLag(a, b, { label: 'leading' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.direction).toBe('unclear');
    expect(result.disagrees).toBe(false);
  });

  it('calls feedback both ways unclear', () => {
    const rng = createRng(11);
    const shocks = Float64Array.from({ length: 80 }, () => rng.normal());
    // b echoes a's shock two periods later and a echoes b's own shock two periods later.
    const own = Float64Array.from({ length: 80 }, () => rng.normal());
    const a = new Float64Array(80);
    const b = new Float64Array(80);
    for (let t = 0; t < 80; t++) {
      a[t] = (shocks[t] as number) + (own[t - 2] ?? 0);
      b[t] = (own[t] as number) + (shocks[t - 2] ?? 0);
    }
    const result = leadLag(a, b);
    if (!result.ok) throw new Error(result.reason);
    expect(result.leading?.significant && result.following?.significant).toBe(true);
    expect(result.direction).toBe('unclear');
    expect(result.explanation).toContain('both orders');
  });

  it('needs at least three paired changes', () => {
    expect(leadLag([1, 2, 4], [3, 1, 2])).toEqual({
      ok: false,
      reason: 'Only 2 period-over-period changes are available in both series; at least 3 are needed to compare leads and lags.',
    });
    expect(() => leadLag([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
