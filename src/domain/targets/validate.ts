// Refusals of impossible targets, cascades and agreements, each pointed at its field with a plain-English message.

import type { Metric } from '../plan/types';
import { parseIsoDate } from './dates';
import type { FieldProblem } from './problem';
import { numberInMessage as show } from './problem';
import type { Cascade, CascadeNode, Target, Xla } from './stored';
import {
  AGREEMENT_KINDS,
  BASELINE_METHODS,
  CASCADE_AGGREGATIONS,
  CASCADE_METHODS,
  CASCADE_NODE_KINDS,
  KPI_LINK_READINGS,
  TARGET_PERIOD_UNITS,
  XLA_COMPARATORS,
} from './stored';

/** What the checks need to know of the metric: its name for messages and its scale. */
export type ScaleFields = Pick<Metric, 'abbreviation' | 'scaleMin' | 'scaleMax'>;

/** Most decimals a cascade may be shown with: beyond that, targets stop being numbers people can act on. */
export const MAX_CASCADE_DECIMALS = 4;

function scaleText(metric: ScaleFields): string {
  if (metric.scaleMin !== null && metric.scaleMax !== null) return `from ${show(metric.scaleMin)} to ${show(metric.scaleMax)}`;
  if (metric.scaleMin !== null) return `from ${show(metric.scaleMin)} upwards`;
  return `up to ${show(metric.scaleMax as number)}`;
}

/** A value the metric cannot take (NPS 120, CSAT −5 %), or not a number at all; null when it is possible. */
export function scaleProblem(field: string, value: number, metric: ScaleFields): FieldProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { field, message: 'Enter a number.' };
  const below = metric.scaleMin !== null && value < metric.scaleMin;
  const above = metric.scaleMax !== null && value > metric.scaleMax;
  if (!below && !above) return null;
  return { field, message: `${metric.abbreviation} runs ${scaleText(metric)}; ${show(value)} is not possible.` };
}

function push(problems: FieldProblem[], problem: FieldProblem | null): void {
  if (problem !== null) problems.push(problem);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function oneOf<T extends string>(problems: FieldProblem[], field: string, value: T, allowed: readonly T[]): void {
  if (!allowed.includes(value)) problems.push({ field, message: `Choose one of: ${allowed.join(', ')}.` });
}

export interface TargetContext {
  metric: ScaleFields;
  /** Today as YYYY-MM-DD, in the user's calendar: a deadline must come after it. */
  today: string;
}

/**
 * Everything wrong with a target, field by field; empty when it can be kept. Refuses values the metric's scale
 * does not allow, deadlines that are not after today or not after the baseline, and benchmarks without a source.
 */
export function validateTarget(target: Target, context: TargetContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { metric } = context;
  push(problems, scaleProblem('targetValue', target.targetValue, metric));

  const baseline = target.baseline;
  oneOf(problems, 'baseline.method', baseline.method, BASELINE_METHODS);
  oneOf(problems, 'baseline.periodUnit', baseline.periodUnit, TARGET_PERIOD_UNITS);
  push(problems, scaleProblem('baseline.value', baseline.value, metric));
  const asOf = parseIsoDate(baseline.asOf);
  if (asOf === null) problems.push({ field: 'baseline.asOf', message: 'The baseline has no date: set it from the metric\'s data.' });
  if (!Number.isInteger(baseline.windowPeriods) || baseline.windowPeriods < 1) {
    problems.push({ field: 'baseline.windowPeriods', message: 'The window must be a whole number of periods, at least 1.' });
  }
  const projection = baseline.projection;
  if (baseline.method === 'trend' && projection === null) {
    problems.push({ field: 'baseline.projection', message: 'A trend baseline needs its projection to the deadline.' });
  }
  if (projection !== null && !(projection.low <= projection.value && projection.value <= projection.high)) {
    problems.push({ field: 'baseline.projection', message: 'The projection must lie inside its interval.' });
  }

  const deadline = parseIsoDate(target.deadline);
  const today = parseIsoDate(context.today);
  if (deadline === null) {
    problems.push({ field: 'deadline', message: 'Enter the deadline as a date.' });
  } else if (today === null) {
    problems.push({ field: 'deadline', message: "Today's date could not be read, so the deadline cannot be checked." });
  } else if (deadline <= today) {
    const message = `The deadline ${target.deadline} is not in the future: a target needs time to be reached.`;
    problems.push({ field: 'deadline', message });
  } else if (asOf !== null && deadline <= asOf) {
    problems.push({ field: 'deadline', message: `The deadline must come after the baseline's date (${baseline.asOf}).` });
  }

  if (target.benchmark !== null) {
    push(problems, scaleProblem('benchmark.value', target.benchmark.value, metric));
    if (!isText(target.benchmark.source)) {
      problems.push({ field: 'benchmark.source', message: 'Say where the benchmark comes from, so that others can check it.' });
    }
  }
  const responses = target.expectedResponsesPerMonth;
  if (responses !== null && !(Number.isFinite(responses) && responses > 0)) {
    problems.push({ field: 'expectedResponsesPerMonth', message: 'Expected responses a month must be a number above 0.' });
  }

  const link = target.kpiLink;
  if (link !== null) {
    oneOf(problems, 'kpiLink.reading', link.reading, KPI_LINK_READINGS);
    const finite = [link.slope, link.slopeCiLow, link.slopeCiHigh].every(Number.isFinite);
    if (!finite || !(link.slopeCiLow <= link.slope && link.slope <= link.slopeCiHigh)) {
      problems.push({ field: 'kpiLink.slope', message: 'The slope must be a number inside its interval.' });
    }
    if (!Number.isInteger(link.lagPeriods) || link.lagPeriods < 0) {
      problems.push({ field: 'kpiLink.lagPeriods', message: 'The lag must be a whole number of periods, 0 or more.' });
    }
    if (!(link.p >= 0 && link.p <= 1)) problems.push({ field: 'kpiLink.p', message: 'The p-value must lie between 0 and 1.' });
  }

  if (target.cascade !== null) problems.push(...validateCascade(target.cascade, metric));
  return problems;
}

/**
 * Everything wrong with a cascade: node fields off the scale or missing, duplicate ids, and parents whose children
 * have no responses to weight a pooled score by.
 */
export function validateCascade(cascade: Cascade, metric: ScaleFields, field = 'cascade'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  oneOf(problems, `${field}.aggregation`, cascade.aggregation, CASCADE_AGGREGATIONS);
  if (!Number.isInteger(cascade.decimals) || cascade.decimals < 0 || cascade.decimals > MAX_CASCADE_DECIMALS) {
    problems.push({ field: `${field}.decimals`, message: `Decimals must be a whole number from 0 to ${MAX_CASCADE_DECIMALS}.` });
  }
  const seen = new Set<string>();
  const visit = (node: CascadeNode, path: string): void => {
    if (!isText(node.id)) problems.push({ field: `${path}.id`, message: 'Every node needs an id.' });
    else if (seen.has(node.id)) problems.push({ field: `${path}.id`, message: `The id "${node.id}" is used twice.` });
    seen.add(node.id);
    if (!isText(node.name)) problems.push({ field: `${path}.name`, message: 'Give this part of the cascade a name.' });
    oneOf(problems, `${path}.kind`, node.kind, CASCADE_NODE_KINDS);
    oneOf(problems, `${path}.method`, node.method, CASCADE_METHODS);
    if (!(Number.isFinite(node.responses) && node.responses >= 0)) {
      problems.push({ field: `${path}.responses`, message: 'Responses must be a number, 0 or more.' });
    }
    push(problems, scaleProblem(`${path}.baseline`, node.baseline, metric));
    push(problems, scaleProblem(`${path}.target`, node.target, metric));
    if (node.benchmark !== null) push(problems, scaleProblem(`${path}.benchmark`, node.benchmark, metric));
    if (
      cascade.aggregation === 'weighted-mean' &&
      node.children.length > 0 &&
      !(node.children.reduce((sum, child) => sum + (Number.isFinite(child.responses) ? child.responses : 0), 0) > 0)
    ) {
      problems.push({
        field: `${path}.children`,
        message: `None of the parts of ${isText(node.name) ? node.name : 'this node'} has responses, so their scores cannot be pooled.`,
      });
    }
    node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`));
  };
  visit(cascade.root, `${field}.root`);
  return problems;
}

/** Everything wrong with an agreement; `metric` is the plan metric it measures, if any, for the scale check. */
export function validateXla(xla: Xla, metric: ScaleFields | null, field = 'xla'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isText(xla.name)) problems.push({ field: `${field}.name`, message: 'Give the agreement a name.' });
  oneOf(problems, `${field}.comparator`, xla.comparator, XLA_COMPARATORS);
  oneOf(problems, `${field}.kind`, xla.kind, AGREEMENT_KINDS);
  if (metric !== null) push(problems, scaleProblem(`${field}.threshold`, xla.threshold, metric));
  else if (!Number.isFinite(xla.threshold)) problems.push({ field: `${field}.threshold`, message: 'Enter a number.' });
  return problems;
}
