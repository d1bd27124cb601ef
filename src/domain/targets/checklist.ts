// The SMART checklist in words: one line per letter, with a pass, warn, fail or unknown mark for the form.

import type { NamedMetric, TargetFormat } from './sentence';
import { changeText, magnitudeText, valueText } from './sentence';
import type { SmartReport } from './smart';
import type { Target } from './stored';

export type CheckName = 'specific' | 'measurable' | 'achievable' | 'meaningful' | 'relevant' | 'timeBound';
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface ChecklistLine {
  check: CheckName;
  status: CheckStatus;
  text: string;
}

function count(value: number, noun: string, format: TargetFormat): string {
  return `${format.number(value, 'decimal', 0)} ${noun}${value === 1 ? '' : 's'}`;
}

function achievableLine(report: SmartReport, metric: NamedMetric, format: TargetFormat): ChecklistLine {
  const { achievable: a, specific } = report;
  const span = `${a.horizon}-${a.periodUnit}`;
  const change = changeText(specific.requiredChange, metric.unit, format);
  const typical = a.typical === null ? '' : magnitudeText(a.typical.medianAbs, metric.unit, format);
  const best = a.bestImprovement === null ? '' : magnitudeText(a.bestImprovement, metric.unit, format);
  let status: CheckStatus;
  let text: string;
  switch (a.verdict) {
    case 'within-typical':
      status = 'pass';
      text = `${change} is within the typical ${span} change (${typical}): reachable, though perhaps not ambitious.`;
      break;
    case 'stretch':
      status = 'pass';
      text =
        `${change} is ${format.number(a.ratio ?? 0, 'decimal', 1)}× the typical ${span} change (${typical}); ` +
        `the best ${span} improvement on record is ${best}.`;
      break;
    case 'unprecedented':
      status = 'warn';
      text =
        `${change} is more than any ${span} improvement on record (best ${best}): ` +
        'it needs a change in how the work is done, not more of the same.';
      break;
    case 'no-improvement':
      status = 'warn';
      text = 'The target does not improve on the baseline.';
      break;
    case 'unknown':
      status = 'unknown';
      text = `Too little history to say how much ${metric.name} moves in ${a.horizon} ${a.periodUnit}${a.horizon === 1 ? '' : 's'}.`;
      break;
  }
  const extra: string[] = [];
  if (a.trend !== null) {
    const { projection } = a.trend;
    const where =
      `The current trend leads to ${valueText(projection.value, metric.unit, format)} by the deadline ` +
      `(95 % prediction interval ${valueText(projection.low, metric.unit, format)} to ${valueText(projection.high, metric.unit, format)})`;
    extra.push(`${where}${a.trend.trendReachesTarget ? ', reaching the target without extra effort' : ''}.`);
  }
  if (a.benchmark !== null) {
    const relation = { beyond: 'goes beyond it', at: 'reaches it', short: 'falls short of it' }[a.benchmark.relation];
    extra.push(`Industry benchmark ${valueText(a.benchmark.value, metric.unit, format)} (${a.benchmark.source}): the target ${relation}.`);
  }
  return { check: 'achievable', status, text: [text, ...extra].join(' ') };
}

function meaningfulLine(report: SmartReport, metric: NamedMetric, format: TargetFormat): ChecklistLine {
  const m = report.meaningful;
  if (m.verdict === 'unknown') {
    return {
      check: 'meaningful',
      status: 'unknown',
      text:
        m.missing === 'responses'
          ? 'Enter the responses expected a month to check the target against the measurement noise.'
          : `${metric.name} is not a survey score or share, so its noise is judged from its history when tracking.`,
    };
  }
  const margin = `±${magnitudeText(m.changeMargin ?? 0, metric.unit, format)}`;
  const volume = `${format.number(m.responsesPerMonth ?? 0, 'decimal', 0)} responses a month`;
  const change = changeText(report.specific.requiredChange, metric.unit, format);
  return m.verdict === 'outside-noise'
    ? { check: 'meaningful', status: 'pass', text: `${change} is outside the margin of error of a change at ${volume} (${margin}).` }
    : {
        check: 'meaningful',
        status: 'fail',
        text: `${change} is inside the margin of error of a change at ${volume} (${margin}): reaching it could not be told from noise.`,
      };
}

function relevantLine(report: SmartReport): ChecklistLine {
  const r = report.relevant;
  const goal = `Serves the goal "${r.goalName ?? ''}"`;
  const unit = report.achievable.periodUnit;
  const lagPeriods = r.evidence?.lagPeriods ?? 0;
  const lag = lagPeriods === 0 ? `in the same ${unit}` : `${lagPeriods} ${unit}${lagPeriods === 1 ? '' : 's'} later`;
  switch (r.verdict) {
    case 'linked-with-evidence':
      return {
        check: 'relevant',
        status: 'pass',
        text: `${goal}; the correlation test finds the KPI moving with it ${lag}, its 95 % interval clear of zero.`,
      };
    case 'linked-without-evidence':
      return { check: 'relevant', status: 'warn', text: `${goal}, but the correlation test's interval includes no effect on the KPI.` };
    case 'linked':
      return { check: 'relevant', status: 'pass', text: `${goal}; run the correlation test to show what it is worth to the KPI.` };
    case 'not-linked':
      return { check: 'relevant', status: 'fail', text: 'Link the target to a goal, so that it serves something the business values.' };
  }
}

/** The six checks as lines for the target form, in SMART order (meaningful after achievable). */
export function smartChecklist(target: Target, report: SmartReport, metric: NamedMetric, format: TargetFormat): ChecklistLine[] {
  const { specific, measurable, timeBound } = report;
  const from = valueText(target.baseline.value, metric.unit, format);
  const to = valueText(target.targetValue, metric.unit, format);
  return [
    {
      check: 'specific',
      status: specific.improves ? 'pass' : 'warn',
      text:
        specific.change === 'hold'
          ? `${metric.name} held at ${from} until ${format.date(target.deadline)}.`
          : `${metric.name} from ${from} to ${to} by ${format.date(target.deadline)}.`,
    },
    measurable.ok
      ? { check: 'measurable', status: 'pass', text: `Tracked from ${count(measurable.readings, 'reading', format)} of its data.` }
      : { check: 'measurable', status: 'fail', text: `No readings of ${metric.name} yet: import its data to track the target.` },
    achievableLine(report, metric, format),
    meaningfulLine(report, metric, format),
    relevantLine(report),
    { check: 'timeBound', status: timeBound.ok ? 'pass' : 'fail', text: `${count(timeBound.daysLeft, 'day', format)} left.` },
  ];
}
