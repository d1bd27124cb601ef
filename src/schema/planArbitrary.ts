// fast-check generator of valid, referentially consistent Plans with unicode text, for property tests anywhere.
import fc from 'fast-check';
import type {
  ConflictDismissal,
  CorrelationFinding,
  Department,
  Goal,
  GoalMetricLink,
  Guardrail,
  Id,
  Metric,
  MetricDepartmentLink,
  Plan,
  ScorecardEntry,
} from '../domain/plan/types';
import type {
  Estimate,
  Initiative,
  ModelSettings,
  PlanModel,
  SavedMonteCarloRun,
  SavedMorrisRun,
  SavedOutcome,
  SavedRuns,
  SavedRunStamp,
  SavedSobolRun,
  Scenario,
} from '../domain/model/stored';
import {
  AGREEMENT_KINDS,
  BASELINE_METHODS,
  CASCADE_AGGREGATIONS,
  CASCADE_METHODS,
  CASCADE_NODE_KINDS,
  KPI_LINK_READINGS,
  TARGET_PERIOD_UNITS,
  XLA_COMPARATORS,
  type Cascade,
  type CascadeNode,
  type Target,
  type Xla,
} from '../domain/targets/stored';
import { DISTRIBUTION_KINDS, NUMBER_SOURCES, VALUE_CATEGORIES } from './modelSchema';
import {
  DEPARTMENT_ROLES,
  DIRECTIONS,
  FINDING_MODES,
  FINDING_PERIODS,
  MEASURE_KINDS,
  METRIC_CATEGORIES,
  METRIC_UNITS,
  TIMINGS,
} from './planSchema';

export interface PlanArbitraryOptions {
  /** Most goals, metrics and departments each (default 6). */
  maxEntities?: number;
  /** Most entries in each link list (default 12). */
  maxLinks?: number;
  /** Most code points in free text (default 40; names stay within their 200-character cap either way). */
  maxTextLength?: number;
}

// -0 is written as 0 by JSON, so a plan holding it could never compare equal after a round trip.
const noNegativeZero = (x: number): number => (Object.is(x, -0) ? 0 : x);

function finite(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
}

// Any code point, including astral ones and lone surrogates, which JSON escapes and reads back unchanged.
const unicodeText = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: 'binary', maxLength });
const idText = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 });

const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const uniqueIds = (maxLength: number): fc.Arbitrary<Id[]> => fc.uniqueArray(idText, { maxLength });

function scale(): fc.Arbitrary<{ scaleMin: number | null; scaleMax: number | null }> {
  return fc.tuple(fc.option(finite(-1e6, 1e6)), fc.option(finite(-1e6, 1e6))).map(([a, b]) => {
    if (a === null || b === null) return { scaleMin: a, scaleMax: b };
    if (a === b) return { scaleMin: a, scaleMax: a + 1 };
    return { scaleMin: Math.min(a, b), scaleMax: Math.max(a, b) };
  });
}

function metric(id: Id, textLength: number): fc.Arbitrary<Metric> {
  const key = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 });
  return fc
    .record({
      key,
      name: unicodeText(textLength),
      abbreviation: unicodeText(8),
      category: fc.constantFrom(...METRIC_CATEGORIES),
      definition: unicodeText(textLength),
      formula: unicodeText(textLength),
      unit: fc.constantFrom(...METRIC_UNITS),
      scale: scale(),
      direction: fc.constantFrom(...DIRECTIONS),
      timing: fc.constantFrom(...TIMINGS),
      tradeOffs: fc.uniqueArray(key, { maxLength: 3 }),
      custom: fc.boolean(),
    })
    .map(({ scale: s, ...rest }) => ({ id, ...rest, scaleMin: s.scaleMin, scaleMax: s.scaleMax }));
}

/** Picks from `ids`, or gives no choice at all when there is nothing to pick. */
function pick(ids: readonly Id[]): fc.Arbitrary<Id> | null {
  return ids.length === 0 ? null : fc.constantFrom(...ids);
}

/** Distinct cells of a matrix whose axes are `rows` × `cols`, each cell completed by `cell`. */
function cells<T>(
  rows: readonly Id[],
  cols: readonly Id[],
  maxLength: number,
  cell: (row: Id, col: Id) => fc.Arbitrary<T>,
): fc.Arbitrary<T[]> {
  const row = pick(rows);
  const col = pick(cols);
  if (row === null || col === null) return fc.constant([]);
  return fc
    .uniqueArray(fc.tuple(row, col), { maxLength, selector: ([r, c]) => JSON.stringify([r, c]) })
    .chain((pairs) => (pairs.length === 0 ? fc.constant([]) : fc.tuple(...pairs.map(([r, c]) => cell(r, c)))));
}

const estimate: fc.Arbitrary<Estimate> = fc.record({
  base: finite(-1e6, 1e6),
  distribution: fc.option(
    fc.record({ kind: fc.constantFrom(...DISTRIBUTION_KINDS), low: finite(-1e6, 1e6), high: finite(-1e6, 1e6) }),
  ),
});
const amount = finite(0, 1e9);
const months = (max: number) => fc.integer({ min: 0, max });
const source = fc.constantFrom(...NUMBER_SOURCES);

/** A model (or none) whose every reference is to a metric or department of the plan; values need not make sense. */
function modelArbitrary(metricIds: readonly Id[], departmentIds: readonly Id[], textLength: number): fc.Arbitrary<PlanModel | null> {
  const metric = pick(metricIds);
  const department = pick(departmentIds);
  const some = <T>(item: fc.Arbitrary<T> | null): fc.Arbitrary<T[]> =>
    item === null ? fc.constant<T[]>([]) : fc.array(item, { maxLength: 3 });
  const settings: fc.Arbitrary<ModelSettings> = fc.record({
    horizonMonths: fc.integer({ min: 1, max: 120 }),
    discountRatePct: finite(0, 99.9),
    collectiveShareOverride: fc.option(finite(0, 100)),
    lineOfSight: estimate,
    freeRiding: estimate,
    returnsCurvature: estimate,
    rampUpMonths: months(120),
    business: fc.record({
      customers: amount,
      visitorsPerMonth: amount,
      ordersPerMonth: amount,
      newCustomersPerMonth: amount,
      averageOrderValue: amount,
      customerLifetimeValue: amount,
      grossMarginPct: finite(0, 100),
      contactsPerMonth: amount,
      costPerContact: amount,
      costPerHandleHour: amount,
    }),
    reach: some(metric && department && fc.record({ departmentId: department, metricId: metric, fullEffortChange: estimate })),
    sideEffects: some(
      metric &&
        fc.record({ fromMetricId: metric, toMetricId: metric, perUnit: estimate, source, note: unicodeText(textLength) }),
    ),
    values: some(
      metric &&
        fc.record({
          metricId: metric,
          valuePerUnitPerMonth: estimate,
          lagMonths: months(120),
          category: fc.constantFrom(...VALUE_CATEGORIES),
          source,
          note: unicodeText(textLength),
        }),
    ),
  });
  const initiatives: fc.Arbitrary<Initiative[]> = uniqueIds(3).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: unicodeText(textLength),
          description: unicodeText(textLength),
          enabled: fc.boolean(),
          oneOffCost: amount,
          recurringCostPerMonth: amount,
          effects: some(metric && fc.record({ metricId: metric, change: estimate })),
          lagMonths: months(120),
          rampUpMonths: months(120),
        }),
      ),
    ),
  );
  const scenarios: fc.Arbitrary<Scenario[]> = uniqueIds(3).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: unicodeText(textLength),
          description: unicodeText(textLength),
          overrides: fc.array(fc.record({ inputKey: idText, value: finite(-1e6, 1e6) }), { maxLength: 3 }),
        }),
      ),
    ),
  );
  return fc.option(fc.record({ settings, initiatives, scenarios, runs: savedRunsArbitrary(textLength) }));
}

/** A saved run's results with when, on what and with which seed it ran. */
function stamped<T>(results: fc.Arbitrary<T>): fc.Arbitrary<SavedRunStamp & T> {
  const stamp: fc.Arbitrary<SavedRunStamp> = fc.record({
    ranAt: timestamp,
    fingerprint: fc.stringMatching(/^[0-9a-f]{14}$/),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  });
  return fc.tuple(stamp, results).map(([s, r]) => ({ ...s, ...r }));
}

/** Saved runs as the app writes them: results that name outcomes and inputs freely, not parts of the plan. */
function savedRunsArbitrary(textLength: number): fc.Arbitrary<SavedRuns> {
  const label = unicodeText(textLength);
  const unit = fc.constantFrom(...METRIC_UNITS);
  const value = finite(-1e9, 1e9);
  /** One to four distinct keys, each made into a row: row keys must be unique within a run. */
  const rows = <T>(row: (key: Id) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
    fc.uniqueArray(idText, { minLength: 1, maxLength: 4 }).chain((keys) => fc.tuple(...keys.map(row)));
  const outcome: fc.Arbitrary<SavedOutcome> = fc.record({ key: idText, label, unit });

  // Every scenario of a Monte Carlo run has the same outcomes, and A is compared with B exactly when both ran.
  const monteCarlo: fc.Arbitrary<SavedMonteCarloRun> = stamped(
    fc.tuple(fc.uniqueArray(idText, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 2 })).chain(([keys, count]) => {
      const outputs = fc.tuple(
        ...keys.map((key) =>
          fc.record({ key: fc.constant(key), label, unit, mean: value, sd: finite(0, 1e9), p10: value, p50: value, p90: value }),
        ),
      );
      const comparison = (outputKey: Id) =>
        fc.record({ outputKey: fc.constant(outputKey), label, probability: finite(0, 1), standardError: finite(0, 0.5) });
      return fc.record({
        draws: fc.integer({ min: 1, max: 1e6 }),
        scenarios: fc.array(fc.record({ scenarioId: fc.option(idText), name: unicodeText(textLength), outputs }), {
          minLength: count,
          maxLength: count,
        }),
        beats: count === 1 ? fc.constant(null) : fc.tuple(...keys.map(comparison)),
      });
    }),
  );
  const index = fc.record({ value: finite(-2, 2), low: finite(-2, 2), high: finite(-2, 2) });
  const sobol: fc.Arbitrary<SavedSobolRun> = stamped(
    fc.record({
      n: fc.integer({ min: 2, max: 1e6 }),
      runs: fc.integer({ min: 0, max: 1e9 }),
      outcome,
      mean: value,
      constantOutput: fc.boolean(),
      inputs: rows((key) => fc.record({ key: fc.constant(key), label, first: index, total: index })),
    }),
  );
  const morris: fc.Arbitrary<SavedMorrisRun> = stamped(
    fc.record({
      trajectories: fc.integer({ min: 2, max: 1e4 }),
      runs: fc.integer({ min: 0, max: 1e9 }),
      outcome,
      inputs: rows((key) => fc.record({ key: fc.constant(key), label, muStar: finite(0, 1e9), mu: value, sigma: finite(0, 1e9) })),
    }),
  );
  return fc.record({ monteCarlo: fc.option(monteCarlo), sobol: fc.option(sobol), morris: fc.option(morris) });
}

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T00:00:00.000Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Cascade trees up to three levels below the root, with ids unique within the tree. */
function cascadeArbitrary(departmentIds: readonly Id[], textLength: number): fc.Arbitrary<Cascade> {
  const department = pick(departmentIds);
  let counter = 0;
  const node = (depth: number): fc.Arbitrary<CascadeNode> =>
    fc
      .record({
        name: unicodeText(textLength),
        kind: fc.constantFrom(...CASCADE_NODE_KINDS),
        departmentId: department === null ? fc.constant(null) : fc.option(department),
        weight: finite(-10, 10),
        responses: finite(0, 1e6),
        baseline: finite(-100, 100),
        target: finite(-100, 100),
        locked: fc.boolean(),
        benchmark: fc.option(finite(-100, 100)),
        method: fc.constantFrom(...CASCADE_METHODS),
        children:
          depth >= 3
            ? fc.constant<CascadeNode[]>([])
            : fc
                .array(fc.constant(null), { maxLength: 2 })
                .chain((slots): fc.Arbitrary<CascadeNode[]> => fc.tuple(...slots.map(() => node(depth + 1)))),
      })
      .map((fields) => ({ id: `node-${(counter += 1)}`, ...fields }));
  return fc.record({
    aggregation: fc.constantFrom(...CASCADE_AGGREGATIONS),
    decimals: fc.integer({ min: 0, max: 6 }),
    root: node(0),
  });
}

function targetsArbitrary(metricIds: readonly Id[], goalIds: readonly Id[], departmentIds: readonly Id[], textLength: number): fc.Arbitrary<Target[]> {
  const metric = pick(metricIds);
  if (metric === null) return fc.constant([]);
  const goal = pick(goalIds);
  return uniqueIds(2).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          metricId: metric,
          goalId: goal === null ? fc.constant(null) : fc.option(goal),
          baseline: fc.record({
            method: fc.constantFrom(...BASELINE_METHODS),
            value: finite(-1e6, 1e6),
            asOf: isoDate,
            windowPeriods: fc.integer({ min: 1, max: 60 }),
            periodUnit: fc.constantFrom(...TARGET_PERIOD_UNITS),
            projection: fc.option(fc.record({ value: finite(-1e6, 1e6), low: finite(-1e6, 1e6), high: finite(-1e6, 1e6) })),
          }),
          targetValue: finite(-1e6, 1e6),
          deadline: isoDate,
          benchmark: fc.option(fc.record({ value: finite(-1e6, 1e6), source: unicodeText(textLength) })),
          expectedResponsesPerMonth: fc.option(finite(0, 1e6)),
          kpiLink: fc.option(
            fc.record({
              kpiMetricId: metric,
              slope: finite(-1e6, 1e6),
              slopeCiLow: finite(-1e6, 1e6),
              slopeCiHigh: finite(-1e6, 1e6),
              lagPeriods: fc.integer({ min: 0, max: 24 }),
              reading: fc.constantFrom(...KPI_LINK_READINGS),
              p: finite(0, 1),
              n: fc.nat({ max: 10_000 }),
              kpiBaseline: fc.option(finite(-1e6, 1e6)),
              kpiTarget: fc.option(finite(-1e6, 1e6)),
            }),
          ),
          cascade: fc.option(cascadeArbitrary(departmentIds, textLength)),
          createdAt: timestamp,
        }),
      ),
    ),
  );
}

/** Arbitrary Plans that pass validatePlan: unique ids, every reference resolved, each matrix cell at most once. */
export function planArbitrary(options: PlanArbitraryOptions = {}): fc.Arbitrary<Plan> {
  const maxEntities = options.maxEntities ?? 6;
  const maxLinks = options.maxLinks ?? 12;
  const textLength = Math.min(options.maxTextLength ?? 40, 100);

  return fc
    .record({
      id: idText,
      name: unicodeText(textLength),
      description: unicodeText(textLength),
      createdAt: timestamp,
      updatedAt: timestamp,
      goalIds: uniqueIds(maxEntities),
      metricIds: uniqueIds(maxEntities),
      departmentIds: uniqueIds(maxEntities),
      guardrailIds: uniqueIds(maxEntities),
    })
    .chain(({ goalIds, metricIds, departmentIds, guardrailIds, ...head }) => {
      const metricId = pick(metricIds);
      const departmentId = pick(departmentIds);
      const goals: fc.Arbitrary<Goal[]> = fc.tuple(
        ...goalIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: unicodeText(textLength),
            description: unicodeText(textLength),
            kpiMetricId: metricId === null ? fc.constant(null) : fc.option(metricId),
            owner: unicodeText(textLength),
          }),
        ),
      );
      const metrics: fc.Arbitrary<Metric[]> = fc.tuple(...metricIds.map((id) => metric(id, textLength)));
      const departments: fc.Arbitrary<Department[]> = fc.tuple(
        ...departmentIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: unicodeText(textLength),
            headcount: fc.nat({ max: 100_000 }),
            surveyResponsesPerMonth: finite(0, 1e6),
          }),
        ),
      );
      const goalMetrics: fc.Arbitrary<GoalMetricLink[]> = cells(goalIds, metricIds, maxLinks, (goalId, mId) =>
        fc.record({
          goalId: fc.constant(goalId),
          metricId: fc.constant(mId),
          weight: fc.integer({ min: 1, max: 5 }),
          rationale: unicodeText(textLength),
        }),
      );
      const metricDepartments: fc.Arbitrary<MetricDepartmentLink[]> = cells(
        metricIds,
        departmentIds,
        maxLinks,
        (mId, dId) =>
          fc.record({
            metricId: fc.constant(mId),
            departmentId: fc.constant(dId),
            role: fc.constantFrom(...DEPARTMENT_ROLES),
          }),
      );
      const scorecard: fc.Arbitrary<ScorecardEntry[]> = cells(departmentIds, metricIds, maxLinks, (dId, mId) =>
        fc.record({
          departmentId: fc.constant(dId),
          metricId: fc.constant(mId),
          kind: fc.constantFrom(...MEASURE_KINDS),
          weight: finite(0, 100),
        }),
      );
      // A guardrail needs two different metrics.
      const guardrails: fc.Arbitrary<Guardrail[]> =
        metricIds.length < 2
          ? fc.constant([])
          : fc.tuple(
              ...guardrailIds.map((id) =>
                fc
                  .record({
                    pair: fc.uniqueArray(fc.constantFrom(...metricIds), { minLength: 2, maxLength: 2 }),
                    departmentId: departmentId === null ? fc.constant(null) : fc.option(departmentId),
                    note: unicodeText(textLength),
                  })
                  .map(({ pair: [pushed, guard], departmentId: dId, note }) => ({
                    id,
                    metricId: pushed!,
                    guardMetricId: guard!,
                    departmentId: dId,
                    note,
                  })),
              ),
            );
      const settings = fc.record({ currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF') });
      const findings: fc.Arbitrary<CorrelationFinding[]> =
        metricIds.length < 2
          ? fc.constant([])
          : fc.uniqueArray(idText, { maxLength: 3 }).chain((ids) =>
              fc.tuple(
                ...ids.map((id) =>
                  fc
                    .record({
                      pair: fc.uniqueArray(fc.constantFrom(...metricIds), { minLength: 2, maxLength: 2 }),
                      mode: fc.constantFrom(...FINDING_MODES),
                      period: fc.constantFrom(...FINDING_PERIODS),
                      lag: fc.integer({ min: 0, max: 24 }),
                      r: finite(-1, 1),
                      adjustedP: finite(0, 1),
                      bounds: fc.tuple(finite(-1e6, 1e6), finite(-1e6, 1e6), finite(-1e6, 1e6)),
                      n: fc.nat({ max: 10_000 }),
                      sentence: unicodeText(textLength),
                      datasetName: unicodeText(textLength),
                      recordedAt: timestamp,
                    })
                    .map(({ pair: [kpi, metric], bounds, ...rest }): CorrelationFinding => {
                      const [slopeLow, slope, slopeHigh] = [...bounds].sort((a, b) => a - b) as [number, number, number];
                      return { id, kpiMetricId: kpi!, metricId: metric!, slope, slopeLow, slopeHigh, ...rest };
                    }),
                ),
              ),
            );
      const conflictDismissals: fc.Arbitrary<ConflictDismissal[]> =
        metricIds.length < 2
          ? fc.constant([])
          : fc.uniqueArray(idText, { maxLength: 2 }).chain((ids) =>
              fc.tuple(
                ...ids.map((id) =>
                  fc
                    .record({
                      pair: fc.uniqueArray(fc.constantFrom(...metricIds), { minLength: 2, maxLength: 2 }),
                      reason: unicodeText(textLength).filter((t) => t.length > 0),
                      dismissedAt: timestamp,
                    })
                    .map(({ pair: [a, b], reason, dismissedAt }) => ({ id, metricId: a!, otherMetricId: b!, reason, dismissedAt })),
                ),
              ),
            );
      const model = modelArbitrary(metricIds, departmentIds, textLength);
      const targets = targetsArbitrary(metricIds, goalIds, departmentIds, textLength);
      const xlas: fc.Arbitrary<Xla[]> = fc.uniqueArray(idText, { maxLength: 3 }).chain((ids) =>
        fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: unicodeText(textLength),
              metricId: metricId === null ? fc.constant(null) : fc.option(metricId),
              comparator: fc.constantFrom(...XLA_COMPARATORS),
              threshold: finite(-1e6, 1e6),
              unit: fc.constantFrom(...METRIC_UNITS),
              kind: fc.constantFrom(...AGREEMENT_KINDS),
            }),
          ),
        ),
      );
      return fc
        .record({
          goals,
          metrics,
          departments,
          goalMetrics,
          metricDepartments,
          scorecard,
          guardrails,
          settings,
          findings,
          conflictDismissals,
          model,
          targets,
          xlas,
        })
        .map((parts): Plan => ({ ...head, ...parts }));
    });
}
