// Runtime validation of the ROI/weighting model a plan carries (issue 5's stored shape in src/domain/model/stored.ts).
import * as v from 'valibot';
import { FINGERPRINT_LENGTH } from '../domain/model/fingerprint';
import { SAVED_RUN_ROWS_MAX } from '../domain/model/savedRuns';
import type { DistributionKind, NumberSource, ValueCategory } from '../domain/model/stored';
import { METRIC_UNITS } from './planEnums';
import { expected, finite, list, nonEmptyText, numberIn, oneOf, record, text, timestamp, wholeNumberIn } from './schemaParts';

/** Bounds of the model's parts; far above what a workshop builds, they cap what a hostile file can make us do. */
export const MODEL_FILE_LIMITS = {
  idLength: 100,
  nameLength: 200,
  textLength: 5_000,
  /** Reach cells, side effects, metric values, initiatives, effects, scenarios, overrides. */
  itemCount: 50_000,
  horizonMonthsMax: 120,
  lagMonthsMax: 120,
  returnsCurvatureMax: 20,
  /**
   * Saved runs: input and outcome keys (the longest the app makes, "effect:<id>:<id>", is 208 characters), their
   * labels ("Side effect: <name> → <name>" is at most 416), and the inputs a Sobol or Morris run lists.
   */
  runKeyLength: 500,
  runLabelLength: 1_000,
  runRows: SAVED_RUN_ROWS_MAX,
  /** Outcomes of a Monte Carlo run: the four money outcomes and one per goal KPI (at most 5,000 goals). */
  runOutcomes: 5_004,
} as const;

export const DISTRIBUTION_KINDS = ['triangular', 'uniform', 'normal'] as const satisfies readonly DistributionKind[];
export const NUMBER_SOURCES = ['correlation', 'formula', 'manual'] as const satisfies readonly NumberSource[];
export const VALUE_CATEGORIES = ['revenue', 'cost', 'retention'] as const satisfies readonly ValueCategory[];

const L = MODEL_FILE_LIMITS;
const id = (what: string) => nonEmptyText(L.idLength, what);
const number = () => finite('a finite number');
const amount = () => numberIn(0, Number.MAX_VALUE, 'an amount of 0 or more');
const months = (max: number) => wholeNumberIn(0, max, `a whole number of months from 0 to ${max}`);
const items = <T extends v.GenericSchema>(item: T, what: string) => list(item, L.itemCount, what);

const DistributionSchema = record('a distribution (an object)', {
  kind: oneOf(DISTRIBUTION_KINDS),
  low: number(),
  high: number(),
});

const EstimateSchema = record('an estimate (an object with base and distribution)', {
  base: number(),
  distribution: v.nullable(DistributionSchema),
});

const BusinessFiguresSchema = record('the business figures (an object)', {
  customers: amount(),
  visitorsPerMonth: amount(),
  ordersPerMonth: amount(),
  newCustomersPerMonth: amount(),
  averageOrderValue: amount(),
  customerLifetimeValue: amount(),
  grossMarginPct: numberIn(0, 100, 'a percentage from 0 to 100'),
  contactsPerMonth: amount(),
  costPerContact: amount(),
  costPerHandleHour: amount(),
});

const ReachSchema = record('a reach (an object)', {
  departmentId: id('a department id'),
  metricId: id('a metric id'),
  fullEffortChange: EstimateSchema,
});

const SideEffectSchema = record('a side effect (an object)', {
  fromMetricId: id('a metric id'),
  toMetricId: id('a metric id'),
  perUnit: EstimateSchema,
  source: oneOf(NUMBER_SOURCES),
  note: text(L.textLength),
});

const MetricValueSchema = record('a metric value (an object)', {
  metricId: id('a metric id'),
  valuePerUnitPerMonth: EstimateSchema,
  lagMonths: months(L.lagMonthsMax),
  category: oneOf(VALUE_CATEGORIES),
  source: oneOf(NUMBER_SOURCES),
  note: text(L.textLength),
});

const ModelSettingsSchema = record('the model settings (an object)', {
  horizonMonths: wholeNumberIn(1, L.horizonMonthsMax, `a whole number of months from 1 to ${L.horizonMonthsMax}`),
  discountRatePct: v.pipe(
    v.number('expected a percentage from 0 to below 100'),
    v.finite('expected a percentage from 0 to below 100'),
    v.minValue(0, 'expected a percentage from 0 to below 100'),
    v.ltValue(100, 'expected a percentage from 0 to below 100'),
  ),
  collectiveShareOverride: v.nullable(numberIn(0, 100, 'a percentage from 0 to 100 or null')),
  lineOfSight: EstimateSchema,
  freeRiding: EstimateSchema,
  returnsCurvature: EstimateSchema,
  rampUpMonths: months(L.lagMonthsMax),
  business: BusinessFiguresSchema,
  reach: items(ReachSchema, 'a list of reach estimates'),
  sideEffects: items(SideEffectSchema, 'a list of side effects'),
  values: items(MetricValueSchema, 'a list of metric values'),
});

const InitiativeSchema = record('an initiative (an object)', {
  id: id('an initiative id (non-empty text)'),
  name: text(L.nameLength),
  description: text(L.textLength),
  enabled: v.boolean('expected true or false'),
  oneOffCost: amount(),
  recurringCostPerMonth: amount(),
  effects: items(record('an initiative effect (an object)', { metricId: id('a metric id'), change: EstimateSchema }), 'a list of effects'),
  lagMonths: months(L.lagMonthsMax),
  rampUpMonths: months(L.lagMonthsMax),
});

const ScenarioSchema = record('a scenario (an object)', {
  id: id('a scenario id (non-empty text)'),
  name: text(L.nameLength),
  description: text(L.textLength),
  overrides: items(
    record('a scenario override (an object)', { inputKey: nonEmptyText(L.idLength * 2, 'an input key'), value: number() }),
    'a list of overrides',
  ),
});

// ---- saved runs: results, so only their shapes and bounds are checked; how they hang together is in
// modelTargetReferences.ts ----

const whole = (min: number, what: string) => wholeNumberIn(min, Number.MAX_VALUE, what);
const nonNegative = (what: string) => numberIn(0, Number.MAX_VALUE, what);
const runKey = (what: string) => nonEmptyText(L.runKeyLength, what);
const runLabel = () => text(L.runLabelLength);

/** A fingerprint from modelFingerprint: FINGERPRINT_LENGTH lowercase hex digits. */
const FINGERPRINT = new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`);
const fingerprint = () => {
  const message = expected(`a fingerprint of ${FINGERPRINT_LENGTH} lowercase hex digits`);
  return v.pipe(v.string(message), v.regex(FINGERPRINT, message));
};

const stamp = {
  ranAt: timestamp(),
  fingerprint: fingerprint(),
  seed: whole(0, 'a whole seed of 0 or more'),
};

const outcome = {
  key: runKey('an outcome key'),
  label: runLabel(),
  unit: oneOf(METRIC_UNITS),
};

const SavedMonteCarloSchema = record('a saved Monte Carlo run (an object)', {
  ...stamp,
  draws: whole(1, 'a whole number of draws of 1 or more'),
  scenarios: v.pipe(
    list(
      record('a scenario of the run (an object)', {
        scenarioId: v.nullable(nonEmptyText(L.idLength, 'a scenario id or null')),
        name: text(L.nameLength),
        outputs: list(
          record('an outcome summary (an object)', {
            ...outcome,
            mean: number(),
            sd: nonNegative('a standard deviation of 0 or more'),
            p10: number(),
            p50: number(),
            p90: number(),
          }),
          L.runOutcomes,
          'a list of outcome summaries',
        ),
      }),
      2,
      'a list of one or two scenarios',
    ),
    v.minLength(1, 'expected one or two scenarios but found none'),
  ),
  beats: v.nullable(
    list(
      record('a comparison of the two scenarios (an object)', {
        outputKey: runKey('an outcome key'),
        label: runLabel(),
        probability: numberIn(0, 1, 'a probability from 0 to 1'),
        standardError: nonNegative('a standard error of 0 or more'),
      }),
      L.runOutcomes,
      'a list of comparisons or null',
    ),
  ),
});

const SobolIndexSchema = record('a Sobol index (an object)', { value: number(), low: number(), high: number() });

const SavedSobolSchema = record('a saved Sobol run (an object)', {
  ...stamp,
  n: whole(2, 'a whole base sample of 2 or more'),
  runs: whole(0, 'a whole number of model runs'),
  outcome: record('an outcome (an object)', outcome),
  mean: number(),
  constantOutput: v.boolean('expected true or false'),
  inputs: list(
    record('an input of the run (an object)', {
      key: runKey('an input key'),
      label: runLabel(),
      first: SobolIndexSchema,
      total: SobolIndexSchema,
    }),
    L.runRows,
    'a list of inputs',
  ),
});

const SavedMorrisSchema = record('a saved Morris run (an object)', {
  ...stamp,
  trajectories: whole(2, 'a whole number of trajectories of 2 or more'),
  runs: whole(0, 'a whole number of model runs'),
  outcome: record('an outcome (an object)', outcome),
  inputs: list(
    record('an input of the run (an object)', {
      key: runKey('an input key'),
      label: runLabel(),
      muStar: nonNegative('a μ* of 0 or more'),
      mu: number(),
      sigma: nonNegative('a σ of 0 or more'),
    }),
    L.runRows,
    'a list of inputs',
  ),
});

const SavedRunsSchema = record('the saved runs (an object)', {
  monteCarlo: v.nullable(SavedMonteCarloSchema),
  sobol: v.nullable(SavedSobolSchema),
  morris: v.nullable(SavedMorrisSchema),
});

export const PlanModelSchema = record('the model (an object)', {
  settings: ModelSettingsSchema,
  initiatives: items(InitiativeSchema, 'a list of initiatives'),
  scenarios: items(ScenarioSchema, 'a list of scenarios'),
  runs: SavedRunsSchema,
});
