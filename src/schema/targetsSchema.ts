// Runtime validation of targets, their cascades and XLAs a plan carries (issue 6's shape in src/domain/targets/stored.ts).
import * as v from 'valibot';
import type { CascadeNode } from '../domain/targets/stored';
import {
  AGREEMENT_KINDS,
  BASELINE_METHODS,
  CASCADE_AGGREGATIONS,
  CASCADE_METHODS,
  CASCADE_NODE_KINDS,
  KPI_LINK_READINGS,
  TARGET_PERIOD_UNITS,
  XLA_COMPARATORS,
} from '../domain/targets/stored';
import { METRIC_UNITS } from './planEnums';
import { finite, list, nonEmptyText, numberIn, oneOf, record, text, timestamp, wholeNumberIn } from './schemaParts';

export const TARGET_FILE_LIMITS = {
  idLength: 100,
  nameLength: 200,
  textLength: 5_000,
  targetCount: 5_000,
  /** Children of one cascade node (teams of a department, agents of a team). */
  childCount: 10_000,
  /** Levels below the root: company → department → team → individual needs 3; the file's nesting cap bounds it too. */
  depthMax: 8,
  decimalsMax: 6,
  windowPeriodsMax: 10_000,
} as const;

const L = TARGET_FILE_LIMITS;
const id = (what: string) => nonEmptyText(L.idLength, what);
const number = () => finite('a finite number');
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = () =>
  v.pipe(
    v.string('expected a date like "2027-06-30"'),
    v.regex(ISO_DATE, 'expected a date like "2027-06-30"'),
    v.check((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'expected a date on a real calendar day'),
  );

const BaselineSchema = record('a baseline (an object)', {
  method: oneOf(BASELINE_METHODS),
  value: number(),
  asOf: isoDate(),
  windowPeriods: wholeNumberIn(1, L.windowPeriodsMax, `a whole number of periods from 1 to ${L.windowPeriodsMax}`),
  periodUnit: oneOf(TARGET_PERIOD_UNITS),
  projection: v.nullable(record('a trend projection (an object)', { value: number(), low: number(), high: number() })),
});

const BenchmarkSchema = record('a benchmark (an object)', { value: number(), source: text(L.textLength) });

const KpiLinkSchema = record('a KPI link (an object)', {
  kpiMetricId: id('a metric id'),
  slope: number(),
  slopeCiLow: number(),
  slopeCiHigh: number(),
  lagPeriods: wholeNumberIn(0, 1_000, 'a whole number of periods from 0 to 1000'),
  reading: oneOf(KPI_LINK_READINGS),
  p: numberIn(0, 1, 'a p-value from 0 to 1'),
  n: wholeNumberIn(0, Number.MAX_SAFE_INTEGER, 'a whole number'),
  kpiBaseline: v.nullable(number()),
  kpiTarget: v.nullable(number()),
});

const CascadeNodeSchema: v.GenericSchema<unknown, CascadeNode> = v.lazy(() =>
  record('a cascade node (an object)', {
    id: id('a cascade node id (non-empty text)'),
    name: text(L.nameLength),
    kind: oneOf(CASCADE_NODE_KINDS),
    departmentId: v.nullable(id('a department id or null')),
    weight: number(),
    responses: numberIn(0, Number.MAX_VALUE, 'a number of 0 or more'),
    baseline: number(),
    target: number(),
    locked: v.boolean('expected true or false'),
    benchmark: v.nullable(number()),
    method: oneOf(CASCADE_METHODS),
    children: list(CascadeNodeSchema, L.childCount, 'a list of cascade nodes'),
  }),
);

const CascadeSchema = record('a cascade (an object)', {
  aggregation: oneOf(CASCADE_AGGREGATIONS),
  decimals: wholeNumberIn(0, L.decimalsMax, `a whole number of decimals from 0 to ${L.decimalsMax}`),
  root: CascadeNodeSchema,
});

export const TargetSchema = record('a target (an object)', {
  id: id('a target id (non-empty text)'),
  metricId: id('a metric id'),
  goalId: v.nullable(id('a goal id or null')),
  baseline: BaselineSchema,
  targetValue: number(),
  deadline: isoDate(),
  benchmark: v.nullable(BenchmarkSchema),
  expectedResponsesPerMonth: v.nullable(numberIn(0, Number.MAX_VALUE, 'a number of 0 or more, or null')),
  kpiLink: v.nullable(KpiLinkSchema),
  cascade: v.nullable(CascadeSchema),
  createdAt: timestamp(),
});

export const XlaSchema = record('an experience-level agreement (an object)', {
  id: id('an agreement id (non-empty text)'),
  name: text(L.nameLength),
  metricId: v.nullable(id('a metric id or null')),
  comparator: oneOf(XLA_COMPARATORS),
  threshold: number(),
  unit: oneOf(METRIC_UNITS),
  kind: oneOf(AGREEMENT_KINDS),
});

/** Depth of a cascade below its root; the validator refuses trees deeper than TARGET_FILE_LIMITS.depthMax. */
export function cascadeDepth(node: CascadeNode): number {
  let deepest = 0;
  const stack: [CascadeNode, number][] = [[node, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of current.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

