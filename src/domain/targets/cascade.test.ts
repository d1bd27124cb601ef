// Cascades: every method's split on a worked example, pooled roll-ups, locks, scale limits, and reconciliation always.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addChild,
  commitTarget,
  rebalance,
  reconciles,
  reconciliation,
  removeNode,
  requiredForChild,
  rollUp,
  roundTo,
  roundTowardBetter,
} from './cascade';
import type { CascadeRules } from './cascade';
import { cascadeOf, node, threeTeams } from './cascadeFixturesForTests';
import type { Cascade, CascadeAggregation, CascadeMethod, CascadeNode } from './stored';
import { CASCADE_METHODS } from './stored';

const NPS: CascadeRules = { scaleMin: -100, scaleMax: 100, benchmark: 65 };
const REVENUE: CascadeRules = { scaleMin: 0, scaleMax: null, benchmark: null };

function targets(cascade: Cascade): Record<string, number> {
  return Object.fromEntries(cascade.root.children.map((c) => [c.id, c.target]));
}

function ok(result: ReturnType<typeof rebalance>): Cascade {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.cascade;
}

describe('rounding helpers', () => {
  it('rounds decimal halves away from zero even when binary cannot hold them', () => {
    expect(roundTo(64.95, 1)).toBe(65);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(57.94999, 1)).toBe(57.9);
  });

  it('rounds a required value toward better so that reaching it is enough', () => {
    expect(roundTowardBetter(51.3, 0, 'higher')).toBe(52);
    expect(roundTowardBetter(51.3, 0, 'lower')).toBe(51);
    expect(roundTowardBetter(52.000000000001, 0, 'higher')).toBe(52);
  });
});

describe('pooled roll-up', () => {
  it('weights a pooled score by responses, never the plain mean of the teams', () => {
    const teams = threeTeams('equal-uplift').children;
    expect(rollUp(teams, [50, 60, 40], 'weighted-mean')).toBe(52);
    expect((50 + 60 + 40) / 3).toBe(50);
    expect(rollUp(teams, [1, 2, 3], 'sum')).toBe(6);
  });
});

describe('cascade methods on three teams (NPS 52 → 58, responses 600/300/100)', () => {
  it('equal uplift moves every team by the same 6 points', () => {
    const cascade = ok(rebalance(cascadeOf(threeTeams('equal-uplift')), NPS));
    expect(targets(cascade)).toEqual({ north: 56, south: 66, west: 46 });
    expect(cascade.root.children.map((c) => c.weight)).toEqual([0.6, 0.3, 0.1]);
    expect(reconciles(cascade)).toBe(true);
  });

  it('response-weighted moves each team in proportion to its responses', () => {
    // c = 6·1000 / (600² + 300² + 100²) = 0.0130…: +7.83, +3.91, +1.30 points.
    const cascade = ok(rebalance(cascadeOf(threeTeams('response-weighted')), NPS));
    expect(targets(cascade)).toEqual({ north: 58, south: 64, west: 41 });
    expect(rollUp(cascade.root.children, [58, 64, 41], 'weighted-mean')).toBeCloseTo(58.1, 12);
  });

  it('proportional gives every team the same relative rise (×58/52)', () => {
    const cascade = ok(rebalance(cascadeOf(threeTeams('proportional'), 'weighted-mean', 1), NPS));
    expect(targets(cascade)).toEqual({ north: 55.8, south: 66.9, west: 44.6 });
    expect(reconciliation(cascade)[0]?.rolledUp).toBeCloseTo(58.01, 12);
  });

  it('gap to benchmark moves each team in proportion to its distance from 65', () => {
    // Gaps 15, 5, 25; c = 6000 / (600·15 + 300·5 + 100·25) = 0.4615…
    const cascade = ok(rebalance(cascadeOf(threeTeams('gap-to-benchmark'), 'weighted-mean', 1), NPS));
    expect(targets(cascade)).toEqual({ north: 56.9, south: 62.3, west: 51.5 });
    expect(reconciles(cascade)).toBe(true);
  });

  it('gap to benchmark uses a team\'s own benchmark before the target\'s', () => {
    const root = threeTeams('gap-to-benchmark');
    root.children[2] = { ...(root.children[2] as CascadeNode), benchmark: 40 };
    const cascade = ok(rebalance(cascadeOf(root, 'weighted-mean', 1), NPS));
    expect(cascade.root.children[2]?.target).toBe(40);
  });

  it('refuses a gap split when every team already meets the benchmark', () => {
    const result = rebalance(cascadeOf(threeTeams('gap-to-benchmark')), { ...NPS, benchmark: 30 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.field).toBe('cascade.root.children');
  });

  it('refuses a proportional split of a score with a negative baseline', () => {
    const root = threeTeams('proportional');
    root.children[2] = { ...(root.children[2] as CascadeNode), baseline: -10 };
    const result = rebalance(cascadeOf(root), NPS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/west is at \u221210/);
  });
});

describe('locks, scale limits and solving for one team', () => {
  it('keeps a locked team on plan and makes the others carry the rest', () => {
    const root = threeTeams('equal-uplift');
    root.children[0] = { ...(root.children[0] as CascadeNode), target: 53, locked: true };
    const cascade = ok(rebalance(cascadeOf(root, 'weighted-mean', 1), NPS));
    // 58·1000 − 600·53 = 26,200 from south and west (22,000 today): +10.5 points each over their 400 responses.
    expect(targets(cascade)).toEqual({ north: 53, south: 70.5, west: 50.5 });
  });

  it('holds a team at the top of the scale and spreads its share to the others', () => {
    const root = node('company', {
      baseline: 70,
      target: 80,
      responses: 200,
      children: [node('a', { baseline: 97, responses: 100 }), node('b', { baseline: 43, responses: 100 })],
    });
    const cascade = ok(rebalance(cascadeOf(root), NPS));
    expect(targets(cascade)).toEqual({ a: 100, b: 60 });
  });

  it('refuses a target the locked teams make impossible, at the level concerned', () => {
    const root = threeTeams('equal-uplift', 95);
    root.children[0] = { ...(root.children[0] as CascadeNode), target: 50, locked: true };
    const result = rebalance(cascadeOf(root), NPS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toEqual({
        field: 'cascade.root.children',
        message: "The parts of company cannot reach 95 within the metric's scale while north stays on plan.",
      });
    }
  });

  it('says what one team must reach if the others stay on plan', () => {
    const cascade = ok(rebalance(cascadeOf(threeTeams('equal-uplift')), NPS));
    // (58·1000 − 600·56 − 300·66) / 100 = 46.
    expect(requiredForChild(cascade, 'west', NPS, 'higher')).toEqual({ value: 46, shown: 46, possible: true });
    const slipping = { ...cascade, root: { ...cascade.root, children: cascade.root.children.map((c) => (c.id === 'north' ? { ...c, target: 54 } : c)) } };
    // North slips 2 points over 600 responses: west must find 12 more over its 100.
    expect(requiredForChild(slipping, 'west', NPS, 'higher')?.value).toBeCloseTo(58, 12);
    expect(requiredForChild(cascade, 'company', NPS, 'higher')).toBeNull();
  });

  it('flags a required value beyond the scale as impossible', () => {
    const cascade = ok(rebalance(cascadeOf(threeTeams('equal-uplift')), NPS));
    const slipping = { ...cascade, root: { ...cascade.root, children: cascade.root.children.map((c) => (c.id === 'north' ? { ...c, target: 40 } : c)) } };
    const required = requiredForChild(slipping, 'west', NPS, 'higher');
    expect(required?.value).toBeCloseTo(142, 12);
    expect(required?.possible).toBe(false);
  });

  it('a committed team target locks it and re-balances its siblings', () => {
    const cascade = ok(rebalance(cascadeOf(threeTeams('equal-uplift'), 'weighted-mean', 1), NPS));
    const committed = ok(commitTarget(cascade, 'south', 62, NPS));
    expect(targets(committed)).toEqual({ north: 57.7, south: 62, west: 47.7 });
    expect(committed.root.children[1]?.locked).toBe(true);
  });
});

describe('sums and rounding', () => {
  it('splits a revenue target in proportion to each region\'s revenue', () => {
    const root = node('all', {
      baseline: 1000,
      target: 1100,
      method: 'proportional',
      children: [node('eu', { baseline: 600 }), node('us', { baseline: 400 })],
    });
    const cascade = ok(rebalance(cascadeOf(root, 'sum'), REVENUE));
    expect(targets(cascade)).toEqual({ eu: 660, us: 440 });
  });

  it('fixes the rounding so a sum of rounded parts still shows the whole', () => {
    const root = node('all', {
      baseline: 0,
      target: 10,
      children: [node('a', { baseline: 0 }), node('b', { baseline: 0 }), node('c', { baseline: 0 })],
    });
    const cascade = ok(rebalance(cascadeOf(root, 'sum'), REVENUE));
    const values = cascade.root.children.map((c) => c.target);
    expect(values.reduce((a, b) => a + b, 0)).toBe(10);
    expect([...values].sort()).toEqual([3, 3, 4]);
  });
});

describe('multi-level cascades', () => {
  const tree = (): CascadeNode =>
    node('company', {
      kind: 'company',
      baseline: 52,
      target: 58,
      method: 'equal-uplift',
      responses: 1000,
      children: [
        node('sales', {
          kind: 'department',
          baseline: 55,
          responses: 400,
          method: 'response-weighted',
          children: [
            node('s1', { baseline: 50, responses: 250, method: 'equal-uplift', children: [node('ana', { kind: 'individual', baseline: 48, responses: 150 }), node('ben', { kind: 'individual', baseline: 53, responses: 100 })] }),
            node('s2', { baseline: 63, responses: 150 }),
          ],
        }),
        node('service', {
          kind: 'department',
          baseline: 50,
          responses: 600,
          method: 'gap-to-benchmark',
          children: [node('v1', { baseline: 45, responses: 300 }), node('v2', { baseline: 55, responses: 300 })],
        }),
      ],
    });

  it('reconciles every level from the company down to individuals', () => {
    const cascade = ok(rebalance(cascadeOf(tree(), 'weighted-mean', 1), NPS));
    const rows = reconciliation(cascade);
    expect(rows.map((r) => r.nodeId)).toEqual(['company', 'sales', 's1', 'service']);
    expect(rows.every((r) => r.reconciles)).toBe(true);
    const sales = cascade.root.children[0] as CascadeNode;
    expect(sales.target).toBe(61);
    const ana = sales.children[0]?.children[0] as CascadeNode;
    expect(ana.kind).toBe('individual');
    expect(rows.find((r) => r.nodeId === 'company')?.rolledUpBaseline).toBe(52);
  });

  it('re-balances when a team joins and when one leaves, and still reconciles', () => {
    const cascade = ok(rebalance(cascadeOf(tree(), 'weighted-mean', 1), NPS));
    const joined = ok(addChild(cascade, 'service', node('v3', { baseline: 35, responses: 200 }), NPS));
    expect(joined.root.children[1]?.children).toHaveLength(3);
    expect(reconciles(joined)).toBe(true);
    const left = ok(removeNode(joined, 's2', NPS));
    expect(left.root.children[0]?.children.map((c) => c.id)).toEqual(['s1']);
    expect(left.root.children[0]?.children[0]?.target).toBe(61);
    expect(reconciles(left)).toBe(true);
    expect(removeNode(left, 'company', NPS).ok).toBe(false);
  });
});

describe('property: children always reconcile with their parent', () => {
  const methods = fc.constantFrom<CascadeMethod>(...CASCADE_METHODS);
  const leaf = (lo: number, hi: number): fc.Arbitrary<CascadeNode> =>
    fc.record({
      baseline: fc.integer({ min: lo, max: hi }),
      target: fc.integer({ min: lo, max: hi }),
      responses: fc.integer({ min: 1, max: 2000 }),
      method: methods,
      // About one node in five stays on plan.
      locked: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
    }).map((f) => node('', f));
  const tree = (lo: number, hi: number): fc.Arbitrary<CascadeNode> =>
    fc.letrec<{ node: CascadeNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf(lo, hi),
        fc.record({ base: leaf(lo, hi), children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }).map(({ base, children }) => ({ ...base, children })),
      ),
    })).node;
  let counter = 0;
  const withIds = (n: CascadeNode): CascadeNode => ({ ...n, id: `n${counter++}`, name: `n${counter}`, children: n.children.map(withIds) });

  const cases = (lo: number, hi: number, aggregation: CascadeAggregation) =>
    fc.record({
      root: tree(lo, hi).filter((r) => r.children.length > 0),
      target: fc.integer({ min: lo * 10, max: hi * 10 }).map((t) => t / 10),
      decimals: fc.integer({ min: 0, max: 2 }),
      method: methods,
    }).map(({ root, target, decimals, method }) => ({
      cascade: cascadeOf({ ...withIds(root), target, method }, aggregation, decimals),
    }));

  it('holds for every method on a pooled score, or the level is refused with a reason', () => {
    fc.assert(
      fc.property(cases(-100, 100, 'weighted-mean'), ({ cascade }) => {
        const result = rebalance(cascade, NPS);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        expect(reconciles(result.cascade)).toBe(true);
        const check = (before: CascadeNode, after: CascadeNode): void => {
          expect(after.target).toBeGreaterThanOrEqual(-100);
          expect(after.target).toBeLessThanOrEqual(100);
          if (before.locked) expect(after.target).toBe(before.target);
          before.children.forEach((c, i) => check(c, after.children[i] as CascadeNode));
        };
        check(cascade.root, result.cascade.root);
      }),
      { numRuns: 300 },
    );
  });

  it('always succeeds with equal or response-weighted splits all the way down, for a pooled score and for a sum', () => {
    const allSplit = (n: CascadeNode, method: CascadeMethod): CascadeNode => ({ ...n, method, locked: false, children: n.children.map((c) => allSplit(c, method)) });
    for (const [aggregation, rules, lo, hi] of [['weighted-mean', NPS, -100, 100], ['sum', REVENUE, 0, 5000]] as const) {
      fc.assert(
        fc.property(cases(lo, hi, aggregation), fc.constantFrom<CascadeMethod>('equal-uplift', 'response-weighted'), ({ cascade }, method) => {
          const result = rebalance({ ...cascade, root: allSplit(cascade.root, method) }, rules);
          expect(result.ok).toBe(true);
          if (result.ok) expect(reconciles(result.cascade)).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('still holds after a team is added or removed', () => {
    fc.assert(
      fc.property(
        cases(-100, 100, 'weighted-mean'),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.nat(),
        ({ cascade }, baseline, responses, pick) => {
          const first = rebalance(cascade, NPS);
          if (!first.ok) return;
          const parent = first.cascade.root;
          const added = addChild(first.cascade, parent.id, node('added', { baseline, responses }), NPS);
          if (added.ok) expect(reconciles(added.cascade)).toBe(true);
          const victim = parent.children[pick % parent.children.length] as CascadeNode;
          if (parent.children.length > 1) {
            const removed = removeNode(first.cascade, victim.id, NPS);
            if (removed.ok) expect(reconciles(removed.cascade)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
