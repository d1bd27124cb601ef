// Runtime validation of the ROI/weighting model a plan carries (issue 5's stored shape in src/domain/model/stored.ts).
import * as v from 'valibot';
import type { DistributionKind, NumberSource, ValueCategory } from '../domain/model/stored';
import { finite, list, nonEmptyText, numberIn, oneOf, record, text, wholeNumberIn } from './schemaParts';

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

export const PlanModelSchema = record('the model (an object)', {
  settings: ModelSettingsSchema,
  initiatives: items(InitiativeSchema, 'a list of initiatives'),
  scenarios: items(ScenarioSchema, 'a list of scenarios'),
});
