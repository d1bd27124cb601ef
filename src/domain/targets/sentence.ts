// Sentences about targets: the SMART sentence, the up-link read-outs and the individual contributor's line.

import type { FormatNumber } from '../correlation/sentence';
import type { Direction, MetricUnit } from '../plan/types';
import type { PeriodUnit } from '../series/periods';
import type { CascadeRules } from './cascade';
import { findNode, requiredForChild } from './cascade';
import type { SmartReport } from './smart';
import type { Cascade, Target } from './stored';
import type { KpiValue, MetricRequirement } from './upLink';

export type { FormatNumber };

/**
 * Numbers and dates in the reader's locale. `number` formats a non-negative amount (signs are added here so
 * "+5" reads the same everywhere); `date` turns YYYY-MM-DD into "30 June 2027" or "30.06.2027".
 */
export interface TargetFormat {
  number: FormatNumber;
  date: (isoDate: string) => string;
}

/** The metric as the reader knows it ("NPS") and its unit. */
export interface NamedMetric {
  name: string;
  unit: MetricUnit;
}

const MINUS = '\u2212';

/** Decimals a value of this unit is shown with (at most; Intl drops trailing zeros). */
const VALUE_DIGITS: Record<MetricUnit, number> = { score: 1, percent: 1, rating: 2, ratio: 2, seconds: 0, currency: 0, count: 0 };

function amount(value: number, unit: MetricUnit, format: TargetFormat, digits = VALUE_DIGITS[unit]): string {
  return format.number(Math.abs(value), unit === 'currency' ? 'currency' : 'decimal', digits);
}

/** A level of the metric: "60", "80 %", "4.5", "420 s", "$1,200". */
export function valueText(value: number, unit: MetricUnit, format: TargetFormat): string {
  const text = `${value < 0 ? MINUS : ''}${amount(value, unit, format)}`;
  if (unit === 'percent') return `${text} %`;
  if (unit === 'seconds') return `${text} s`;
  return text;
}

function plural(value: number, digits: number, noun: string): string {
  return Number(Math.abs(value).toFixed(digits)) === 1 ? noun : `${noun}s`;
}

/** The size of a change, unsigned: "5 points", "2.5 percentage points", "$1,200", "30 seconds". */
export function magnitudeText(change: number, unit: MetricUnit, format: TargetFormat): string {
  const digits = VALUE_DIGITS[unit];
  const text = amount(change, unit, format);
  switch (unit) {
    case 'score':
    case 'rating':
      return `${text} ${plural(change, digits, 'point')}`;
    case 'percent':
      return `${text} percentage ${plural(change, digits, 'point')}`;
    case 'seconds':
      return `${text} ${plural(change, digits, 'second')}`;
    case 'currency':
    case 'count':
    case 'ratio':
      return text;
  }
}

/** A change of the metric, always signed: "+5 points", "−2.5 percentage points", "+$1,200", "−30 seconds". */
export function changeText(change: number, unit: MetricUnit, format: TargetFormat): string {
  return `${change < 0 ? MINUS : '+'}${magnitudeText(change, unit, format)}`;
}

/** "±2.4-point", "±1.8-percentage-point", "±12-second": a margin as the adjective before "margin of error". */
function marginAdjective(margin: number, unit: MetricUnit, format: TargetFormat): string {
  const text = `±${amount(margin, unit, format)}`;
  switch (unit) {
    case 'score':
    case 'rating':
      return `${text}-point`;
    case 'percent':
      return `${text}-percentage-point`;
    case 'seconds':
      return `${text}-second`;
    case 'currency':
    case 'count':
    case 'ratio':
      return text;
  }
}

function verb(change: SmartReport['specific']['change']): string {
  if (change === 'increase') return 'Increase';
  if (change === 'decrease') return 'Reduce';
  return 'Hold';
}

/**
 * The target as one SMART sentence, e.g. "Increase NPS from 60 to 65 by 30 June 2027: +5 points, 1.8× the
 * typical 6-month change, outside the ±3.9-point margin of error at 1,200 responses a month." Clauses the data
 * cannot support (no history, no response volume, no benchmark) are left out rather than guessed.
 */
export function smartSentence(target: Target, report: SmartReport, metric: NamedMetric, format: TargetFormat): string {
  const { unit } = metric;
  const { specific, achievable, meaningful } = report;
  const head =
    specific.change === 'hold'
      ? `Hold ${metric.name} at ${valueText(target.baseline.value, unit, format)} until ${format.date(target.deadline)}`
      : `${verb(specific.change)} ${metric.name} from ${valueText(target.baseline.value, unit, format)} to ` +
        `${valueText(target.targetValue, unit, format)} by ${format.date(target.deadline)}`;
  const clauses: string[] = [];
  if (specific.change !== 'hold') clauses.push(changeText(specific.requiredChange, unit, format));
  const span = `${achievable.horizon}-${achievable.periodUnit}`;
  if (achievable.ratio !== null && specific.improves) {
    clauses.push(`${format.number(achievable.ratio, 'decimal', 1)}× the typical ${span} change`);
    if (achievable.verdict === 'unprecedented') clauses.push(`more than any ${span} improvement on record`);
  }
  if (!specific.improves && specific.change !== 'hold') clauses.push(`a step back from the baseline`);
  if (achievable.trend?.trendReachesTarget === true && specific.improves) clauses.push('which the current trend reaches on its own');
  if (meaningful.changeMargin !== null && meaningful.responsesPerMonth !== null && specific.change !== 'hold') {
    const where = meaningful.verdict === 'outside-noise' ? 'outside' : 'inside';
    clauses.push(
      `${where} the ${marginAdjective(meaningful.changeMargin, unit, format)} margin of error at ` +
        `${format.number(meaningful.responsesPerMonth, 'decimal', 0)} responses a month`,
    );
  }
  const benchmark = achievable.benchmark;
  if (benchmark !== null) {
    const relation = benchmark.relation === 'beyond' ? 'beyond' : benchmark.relation === 'at' ? 'at' : 'short of';
    clauses.push(`${relation} the industry benchmark of ${valueText(benchmark.value, unit, format)} (${benchmark.source})`);
  }
  return clauses.length > 0 ? `${head}: ${clauses.join(', ')}.` : `${head}.`;
}

export interface UpNames {
  metric: NamedMetric;
  kpi: NamedMetric;
  period: PeriodUnit;
}

function lagText(lag: number, period: PeriodUnit): string {
  return lag === 0 ? `in the same ${period}` : `${lag} ${period}${lag === 1 ? '' : 's'} later`;
}

/**
 * "Up", from the KPI: "+$100,000 of revenue a month needs +24.8 points of NPS (95 % interval +21.2 points to
 * +29.9 points), with revenue following 3 months later." When the slope's interval includes zero the sentence
 * says the change cannot be bounded.
 */
export function kpiRequirementSentence(kpiChange: number, requirement: MetricRequirement, names: UpNames, format: TargetFormat): string {
  const kpi = `${changeText(kpiChange, names.kpi.unit, format)} of ${names.kpi.name} a ${names.period}`;
  if (!requirement.ok) return `${kpi} cannot be tied to ${names.metric.name}: ${requirement.reason}`;
  const needs = `${kpi} needs ${changeText(requirement.metricChange, names.metric.unit, format)} of ${names.metric.name}`;
  const follows = `with ${names.kpi.name} following ${lagText(requirement.lagPeriods, names.period)}`;
  if (requirement.low === null || requirement.high === null) {
    return (
      `${needs} at the estimated effect, ${follows}; ` +
      "the test's interval includes no effect at all, so the change needed cannot be bounded."
    );
  }
  return (
    `${needs} (95 % interval ${changeText(requirement.low, names.metric.unit, format)} to ` +
    `${changeText(requirement.high, names.metric.unit, format)}), ${follows}.`
  );
}

/**
 * "Up", from the metric: "+5 points of NPS is worth +$20,150 of revenue a month (95 % interval +$16,700 to
 * +$23,600), +$241,800 a year, from 3 months after it is reached."
 */
export function kpiValueSentence(metricChange: number, value: KpiValue, names: UpNames, format: TargetFormat): string {
  const kpiUnit = names.kpi.unit;
  const lag = value.lagPeriods;
  const from = lag === 0 ? `from the same ${names.period}` : `from ${lag} ${names.period}${lag === 1 ? '' : 's'} after it is reached`;
  const text =
    `${changeText(metricChange, names.metric.unit, format)} of ${names.metric.name} is worth ` +
    `${changeText(value.perPeriod, kpiUnit, format)} of ${names.kpi.name} a ${names.period} ` +
    `(95 % interval ${changeText(value.low, kpiUnit, format)} to ${changeText(value.high, kpiUnit, format)}), ` +
    `${changeText(value.perYear, kpiUnit, format)} a year, ${from}`;
  return value.signKnown ? `${text}.` : `${text}; the interval includes no effect, so the gain is not assured.`;
}

/**
 * The individual contributor's line: "Your NPS needs to reach 52 for Team North to reach 58 (now 47)." The value
 * is what the node must reach if everyone else in its group delivers their plan, rounded toward better. null when
 * the node is the top of the cascade, not in it, or has no responses.
 */
export function contributorSentence(
  cascade: Cascade,
  nodeId: string,
  rules: CascadeRules,
  metric: NamedMetric & { direction: Direction },
  format: TargetFormat,
): string | null {
  const found = findNode(cascade.root, nodeId);
  const required = requiredForChild(cascade, nodeId, rules, metric.direction);
  if (found === null || found.parent === null || required === null) return null;
  const { node, parent } = found;
  const you = node.kind === 'individual' ? `Your ${metric.name}` : `${node.name}'s ${metric.name}`;
  const parentTarget = valueText(parent.target, metric.unit, format);
  if (!required.possible) {
    return (
      `${you} would need to reach ${valueText(required.value, metric.unit, format)} for ${parent.name} to reach ` +
      `${parentTarget}, which the scale does not allow: the others' plans have to give.`
    );
  }
  return (
    `${you} needs to reach ${valueText(required.shown, metric.unit, format)} for ${parent.name} to reach ` +
    `${parentTarget} (now ${valueText(node.baseline, metric.unit, format)}).`
  );
}
