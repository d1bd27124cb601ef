// Runtime validation of plan data from outside the type system (files, storage): shapes, limits and references.
import * as v from 'valibot';
import type { Plan } from '../domain/plan/types';
import { PlanModelSchema } from './modelSchema';
import { TargetSchema, XlaSchema, TARGET_FILE_LIMITS } from './targetsSchema';
import { issuesToFieldErrors, type FieldError } from './fieldError';
import { checkPlanReferences } from './planReferences';
import type { Result } from './result';
import {
  expected,
  finite,
  finiteOrNull,
  list,
  nonEmptyText,
  numberIn,
  oneOf,
  record,
  text,
  timestamp,
  wholeNumberIn,
} from './schemaParts';

/**
 * Limits a valid plan stays within. They bound the work a hostile file can cause and are far above real plans;
 * the UI can use them to cap its inputs so that every plan it lets a user build can be exported and read back.
 */
export const PLAN_LIMITS = {
  /** Ids of goals, metrics, departments, guardrails and the plan itself (characters). */
  idLength: 100,
  /** Metric keys and trade-off keys. */
  keyLength: 100,
  /** Names, abbreviations, owners. */
  nameLength: 200,
  /** Descriptions, definitions, formulas, rationales, notes. */
  textLength: 5_000,
  /** Goals, metrics, departments, guardrails. */
  entityCount: 5_000,
  /** Cells of each matrix (goal × metric, metric × department) and scorecard entries. */
  linkCount: 50_000,
  tradeOffCount: 100,
  goalWeightMin: 1,
  goalWeightMax: 5,
  scorecardWeightMax: 100,
  headcountMax: 10_000_000,
  surveyResponsesPerMonthMax: 1_000_000_000,
  /** Kept correlation findings and dismissed conflicts. */
  findingCount: 5_000,
  /** Lags the correlation test searches stay far below this (periods). */
  lagMax: 1_000,
} as const;

export * from './planEnums';
import { DEPARTMENT_ROLES, DIRECTIONS, FINDING_MODES, FINDING_PERIODS, MEASURE_KINDS, METRIC_CATEGORIES, METRIC_UNITS, TIMINGS } from './planEnums';

/** An ISO 4217 code: three capital letters. */
const CURRENCY_CODE = /^[A-Z]{3}$/;

const id = (what: string) => nonEmptyText(PLAN_LIMITS.idLength, what);
const key = (what: string) => nonEmptyText(PLAN_LIMITS.keyLength, what);
const name = () => text(PLAN_LIMITS.nameLength);
const longText = () => text(PLAN_LIMITS.textLength);

export const MetricSchema = record('a metric (an object)', {
  id: id('a metric id (non-empty text)'),
  key: key('a metric key (non-empty text, e.g. "nps")'),
  name: name(),
  abbreviation: name(),
  category: oneOf(METRIC_CATEGORIES),
  definition: longText(),
  formula: longText(),
  unit: oneOf(METRIC_UNITS),
  scaleMin: finiteOrNull('a finite number or null'),
  scaleMax: finiteOrNull('a finite number or null'),
  direction: oneOf(DIRECTIONS),
  timing: oneOf(TIMINGS),
  tradeOffs: list(key('a metric key (non-empty text)'), PLAN_LIMITS.tradeOffCount, 'a list of metric keys'),
  custom: v.boolean(expected('true or false')),
});

export const GoalSchema = record('a goal (an object)', {
  id: id('a goal id (non-empty text)'),
  name: name(),
  description: longText(),
  kpiMetricId: v.nullable(id('a metric id or null')),
  owner: name(),
});

export const DepartmentSchema = record('a department (an object)', {
  id: id('a department id (non-empty text)'),
  name: name(),
  headcount: wholeNumberIn(0, PLAN_LIMITS.headcountMax, `a whole number from 0 to ${PLAN_LIMITS.headcountMax}`),
  surveyResponsesPerMonth: numberIn(
    0,
    PLAN_LIMITS.surveyResponsesPerMonthMax,
    `a number from 0 to ${PLAN_LIMITS.surveyResponsesPerMonthMax}`,
  ),
});

export const GoalMetricLinkSchema = record('a goal-metric link (an object)', {
  goalId: id('a goal id'),
  metricId: id('a metric id'),
  weight: wholeNumberIn(
    PLAN_LIMITS.goalWeightMin,
    PLAN_LIMITS.goalWeightMax,
    `a whole number from ${PLAN_LIMITS.goalWeightMin} to ${PLAN_LIMITS.goalWeightMax}`,
  ),
  rationale: longText(),
});

export const MetricDepartmentLinkSchema = record('a metric-department link (an object)', {
  metricId: id('a metric id'),
  departmentId: id('a department id'),
  role: oneOf(DEPARTMENT_ROLES),
});

export const ScorecardEntrySchema = record('a scorecard entry (an object)', {
  departmentId: id('a department id'),
  metricId: id('a metric id'),
  kind: oneOf(MEASURE_KINDS),
  weight: numberIn(0, PLAN_LIMITS.scorecardWeightMax, `a percentage from 0 to ${PLAN_LIMITS.scorecardWeightMax}`),
});

export const GuardrailSchema = record('a guardrail (an object)', {
  id: id('a guardrail id (non-empty text)'),
  metricId: id('a metric id'),
  guardMetricId: id('a metric id'),
  departmentId: v.nullable(id('a department id or null')),
  note: longText(),
});

export const PlanSettingsSchema = record('the plan settings (an object)', {
  currency: v.pipe(
    v.string(expected('a currency code like "USD" or "EUR"')),
    v.regex(CURRENCY_CODE, expected('a currency code like "USD" or "EUR"')),
  ),
});

export const CorrelationFindingSchema = record('a correlation finding (an object)', {
  id: id('a finding id (non-empty text)'),
  kpiMetricId: id('a metric id'),
  metricId: id('a metric id'),
  mode: oneOf(FINDING_MODES),
  period: oneOf(FINDING_PERIODS),
  lag: wholeNumberIn(0, PLAN_LIMITS.lagMax, `a whole number of periods from 0 to ${PLAN_LIMITS.lagMax}`),
  r: numberIn(-1, 1, 'a correlation from -1 to 1'),
  adjustedP: numberIn(0, 1, 'a p-value from 0 to 1'),
  slope: finite('a finite number'),
  slopeLow: finite('a finite number'),
  slopeHigh: finite('a finite number'),
  n: wholeNumberIn(0, Number.MAX_SAFE_INTEGER, 'a whole number of periods'),
  sentence: longText(),
  datasetName: name(),
  recordedAt: timestamp(),
});

export const ConflictDismissalSchema = record('a dismissed conflict (an object)', {
  id: id('a dismissal id (non-empty text)'),
  metricId: id('a metric id'),
  otherMetricId: id('a metric id'),
  reason: nonEmptyText(PLAN_LIMITS.textLength, 'the reason it was dismissed (non-empty text)'),
  dismissedAt: timestamp(),
});

/** The structure of a plan; references between its parts are checked by checkPlanReferences. */
export const PlanSchema = record('a plan (an object)', {
  id: id('a plan id (non-empty text)'),
  name: name(),
  description: longText(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
  goals: list(GoalSchema, PLAN_LIMITS.entityCount, 'a list of goals'),
  metrics: list(MetricSchema, PLAN_LIMITS.entityCount, 'a list of metrics'),
  departments: list(DepartmentSchema, PLAN_LIMITS.entityCount, 'a list of departments'),
  goalMetrics: list(GoalMetricLinkSchema, PLAN_LIMITS.linkCount, 'a list of goal-metric links'),
  metricDepartments: list(MetricDepartmentLinkSchema, PLAN_LIMITS.linkCount, 'a list of metric-department links'),
  scorecard: list(ScorecardEntrySchema, PLAN_LIMITS.linkCount, 'a list of scorecard entries'),
  guardrails: list(GuardrailSchema, PLAN_LIMITS.entityCount, 'a list of guardrails'),
  settings: PlanSettingsSchema,
  findings: list(CorrelationFindingSchema, PLAN_LIMITS.findingCount, 'a list of correlation findings'),
  conflictDismissals: list(ConflictDismissalSchema, PLAN_LIMITS.findingCount, 'a list of dismissed conflicts'),
  model: v.nullable(PlanModelSchema),
  targets: list(TargetSchema, TARGET_FILE_LIMITS.targetCount, 'a list of targets'),
  xlas: list(XlaSchema, TARGET_FILE_LIMITS.targetCount, 'a list of experience-level agreements'),
});

/**
 * Checks untrusted data against the plan format and returns a fresh, fully typed Plan, or every problem found with
 * its path from the file's top level ("plan.goals[2].name"). Never throws.
 */
export function validatePlan(data: unknown): Result<Plan, FieldError[]> {
  const parsed = v.safeParse(PlanSchema, data, { abortEarly: false, abortPipeEarly: true });
  if (!parsed.success) return { ok: false, error: issuesToFieldErrors('plan', parsed.issues) };
  const plan: Plan = parsed.output;
  const referenceErrors = checkPlanReferences(plan);
  if (referenceErrors.length > 0) return { ok: false, error: referenceErrors };
  return { ok: true, value: plan };
}
