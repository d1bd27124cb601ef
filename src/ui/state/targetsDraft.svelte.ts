// The "set a target" form's state: typed fields, the baseline read from history, the SMART check and the "up" helper.
import type { CorrelationFinding, Metric, Plan } from '../../domain/plan/types';
import type { BaselineResult } from '../../domain/targets/baseline';
import { computeBaseline, lastReadingIndex } from '../../domain/targets/baseline';
import { roundTo } from '../../domain/targets/cascade';
import type { ChecklistLine } from '../../domain/targets/checklist';
import { smartChecklist } from '../../domain/targets/checklist';
import { samplingModel } from '../../domain/targets/noise';
import type { FieldProblem } from '../../domain/targets/problem';
import type { TargetFormat } from '../../domain/targets/sentence';
import { kpiRequirementSentence, smartSentence } from '../../domain/targets/sentence';
import type { SmartResult } from '../../domain/targets/smart';
import { checkSmart } from '../../domain/targets/smart';
import type { BaselineMethod, Target } from '../../domain/targets/stored';
import type { MetricRequirement } from '../../domain/targets/upLink';
import { kpiChangeFromPercent, metricChangeForKpi } from '../../domain/targets/upLink';
import type { MetricHistories } from './targetsHistories.svelte';
import { parseTyped, UNIT_DIGITS } from './targetsFormat';
import { findingsFor, kpiLinkFromFinding, upNames } from './targetsReadouts';

export interface DraftContext {
  plan: Plan;
  histories: MetricHistories;
  today: string;
  format: TargetFormat;
}

/** The fields problems are shown at: every baseline problem but the window's is shown at the baseline choice. */
export type DraftField =
  | 'metricId'
  | 'baseline'
  | 'baseline.windowPeriods'
  | 'deadline'
  | 'targetValue'
  | 'benchmark.value'
  | 'benchmark.source'
  | 'expectedResponsesPerMonth'
  | 'kpiPercent';

const DRAFT_FIELDS: readonly string[] = [
  'metricId',
  'baseline',
  'baseline.windowPeriods',
  'deadline',
  'targetValue',
  'benchmark.value',
  'benchmark.source',
  'expectedResponsesPerMonth',
  'kpiPercent',
];

function fieldOf(problem: FieldProblem): DraftField {
  if (DRAFT_FIELDS.includes(problem.field)) return problem.field as DraftField;
  return problem.field.startsWith('baseline') ? 'baseline' : 'targetValue';
}

export interface UpReadout {
  finding: CorrelationFinding;
  kpi: Metric;
  /** The KPI's last reading per period, the level a percentage applies to; null without its history. */
  kpiBaseline: number | null;
  kpiPeriod: string | null;
  kpiChange: number | null;
  requirement: MetricRequirement | null;
  sentence: string | null;
}

/**
 * One new target being typed. Nothing here writes to the plan: `target` is what the form would keep, and only
 * when `problems` is empty. Problems of fields the user has not reached yet stay quiet until they try to save.
 */
export class TargetDraft {
  metricId = $state('');
  method = $state<BaselineMethod>('last');
  windowText = $state('12');
  deadline = $state('');
  targetText = $state('');
  goalId = $state('');
  benchmarkText = $state('');
  benchmarkSource = $state('');
  /** Empty means "the default from the departments". */
  responsesText = $state('');
  kpiPercentText = $state('');
  /** The kept finding used as evidence: null picks the one for the goal's KPI, '' none. */
  findingChoice = $state<string | null>(null);
  #touched = $state<Record<string, true>>({});
  /** The KPI levels the target value was derived from, while the value is still the one derived. */
  #derived = $state<{ targetText: string; kpiBaseline: number; kpiTarget: number } | null>(null);
  #context: () => DraftContext;

  constructor(context: () => DraftContext, deadline: string) {
    this.#context = context;
    this.deadline = deadline;
  }

  readonly metric = $derived.by((): Metric | undefined => this.#context().plan.metrics.find((m) => m.id === this.metricId));
  readonly historyState = $derived.by(() => this.#context().histories.history(this.metricId));

  /** Survey responses a month for the noise check: the departments that work on the metric, else all of them. */
  readonly defaultResponses = $derived.by((): number | null => {
    const metric = this.metric;
    if (metric === undefined || samplingModel(metric) === null) return null;
    const { plan } = this.#context();
    const linked = new Set(plan.metricDepartments.filter((l) => l.metricId === metric.id).map((l) => l.departmentId));
    const departments = linked.size > 0 ? plan.departments.filter((d) => linked.has(d.id)) : plan.departments;
    const total = departments.reduce((sum, d) => sum + d.surveyResponsesPerMonth, 0);
    return total > 0 ? total : null;
  });

  readonly baseline = $derived.by((): BaselineResult | null => {
    if (this.metric === undefined) return null;
    const state = this.historyState;
    if (state.status === 'loading') return null;
    if (state.status === 'none' || state.status === 'failed') {
      const why = state.status === 'failed' ? ` (${state.reason})` : '';
      const message = `${this.metric.abbreviation} has no data yet${why}: import its history on the Data tab and map a column to it.`;
      return { ok: false, problems: [{ field: 'baseline', message }] };
    }
    const window = parseTyped(this.windowText);
    return computeBaseline(state.series, {
      method: this.method,
      windowPeriods: window ?? Number.NaN,
      deadline: this.deadline === '' ? null : this.deadline,
    });
  });

  readonly findings = $derived.by(() => (this.metricId === '' ? [] : findingsFor(this.#context().plan, this.metricId, this.goalId || null)));
  readonly finding = $derived.by((): CorrelationFinding | null => {
    if (this.findingChoice === '') return null;
    if (this.findingChoice === null) return this.findings[0] ?? null;
    return this.findings.find((f) => f.id === this.findingChoice) ?? null;
  });

  readonly up = $derived.by((): UpReadout | null => {
    const { plan, histories, format } = this.#context();
    const finding = this.finding;
    const metric = this.metric;
    const kpi = finding === null ? undefined : plan.metrics.find((m) => m.id === finding.kpiMetricId);
    if (finding === null || metric === undefined || kpi === undefined) return null;
    const series = histories.series(kpi.id);
    const last = series === null || series.granularity !== finding.period ? -1 : lastReadingIndex(series.values);
    const kpiBaseline = series !== null && last >= 0 ? (series.values[last] as number) : null;
    const percent = parseTyped(this.kpiPercentText);
    const kpiChange = kpiBaseline === null || percent === null ? null : kpiChangeFromPercent(kpiBaseline, percent);
    const requirement = kpiChange === null ? null : metricChangeForKpi(kpiLinkFromFinding(finding, null, null), kpiChange);
    return {
      finding,
      kpi,
      kpiBaseline,
      kpiPeriod: series === null || last < 0 ? null : (series.periods[last] ?? null),
      kpiChange,
      requirement,
      sentence:
        kpiChange === null || requirement === null
          ? null
          : kpiRequirementSentence(kpiChange, requirement, upNames(metric, kpi, finding.period), format),
    };
  });

  /** Problems of the typed numbers themselves, before the domain judges the target they make. */
  readonly #typingProblems = $derived.by((): FieldProblem[] => {
    const problems: FieldProblem[] = [];
    if (this.metric === undefined) problems.push({ field: 'metricId', message: 'Choose the metric to set a target for.' });
    if (parseTyped(this.targetText) === null) problems.push({ field: 'targetValue', message: 'Enter the target as a number.' });
    if (this.benchmarkText.trim() !== '' && parseTyped(this.benchmarkText) === null) {
      problems.push({ field: 'benchmark.value', message: 'Enter the benchmark as a number.' });
    }
    if (this.benchmarkText.trim() === '' && this.benchmarkSource.trim() !== '') {
      problems.push({ field: 'benchmark.value', message: 'Enter the benchmark value that source gives.' });
    }
    if (this.responsesText.trim() !== '' && parseTyped(this.responsesText) === null) {
      problems.push({ field: 'expectedResponsesPerMonth', message: 'Enter the responses a month as a number.' });
    }
    if (this.kpiPercentText.trim() !== '' && parseTyped(this.kpiPercentText) === null) {
      problems.push({ field: 'kpiPercent', message: 'Enter the KPI change as a percentage, such as 10.' });
    }
    return problems;
  });

  /** The target as it would be kept; null while a typed number does not read or the baseline cannot be set. */
  readonly target = $derived.by((): Target | null => {
    const baseline = this.baseline;
    const value = parseTyped(this.targetText);
    if (this.metric === undefined || baseline === null || !baseline.ok || value === null) return null;
    const benchmarkValue = parseTyped(this.benchmarkText);
    const typedResponses = parseTyped(this.responsesText);
    const derived = this.#derived !== null && this.#derived.targetText === this.targetText ? this.#derived : null;
    const finding = this.finding;
    return {
      id: '',
      metricId: this.metric.id,
      goalId: this.goalId === '' ? null : this.goalId,
      baseline: baseline.baseline,
      targetValue: value,
      deadline: this.deadline,
      benchmark: benchmarkValue === null ? null : { value: benchmarkValue, source: this.benchmarkSource.trim() },
      expectedResponsesPerMonth: this.responsesText.trim() === '' ? this.defaultResponses : typedResponses,
      kpiLink: finding === null ? null : kpiLinkFromFinding(finding, derived?.kpiBaseline ?? null, derived?.kpiTarget ?? null),
      cascade: null,
      createdAt: '',
    };
  });

  readonly smart = $derived.by((): SmartResult | null => {
    const target = this.target;
    const metric = this.metric;
    if (target === null || metric === undefined) return null;
    const { plan, histories, today } = this.#context();
    return checkSmart({ target, metric, plan, history: histories.series(metric.id), today });
  });

  readonly problems = $derived.by((): FieldProblem[] => {
    const baseline = this.baseline;
    return [
      ...this.#typingProblems,
      ...(baseline !== null && !baseline.ok ? baseline.problems : []),
      ...(this.smart !== null && !this.smart.ok ? this.smart.problems : []),
    ];
  });

  readonly sentence = $derived.by((): string | null => {
    const { format } = this.#context();
    const smart = this.smart;
    if (smart === null || !smart.ok || this.target === null || this.metric === undefined) return null;
    return smartSentence(this.target, smart.report, { name: this.metric.abbreviation, unit: this.metric.unit }, format);
  });

  readonly checklist = $derived.by((): ChecklistLine[] => {
    const { format } = this.#context();
    const smart = this.smart;
    if (smart === null || !smart.ok || this.target === null || this.metric === undefined) return [];
    return smartChecklist(this.target, smart.report, { name: this.metric.abbreviation, unit: this.metric.unit }, format);
  });

  /** The first problem at a field, once the field has been used (baseline problems come from the data: always). */
  problemAt(field: DraftField): string | null {
    if (field !== 'baseline' && this.#touched[field] === undefined) return null;
    return this.problems.find((p) => fieldOf(p) === field)?.message ?? null;
  }

  touch(field: DraftField): void {
    if (this.#touched[field] === undefined) this.#touched = { ...this.#touched, [field]: true };
  }

  /** Before saving, every problem speaks. */
  touchAll(): void {
    this.#touched = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, true]));
  }

  /** Sets the target value to baseline + the change the KPI target needs, remembering the KPI levels behind it. */
  useKpiRequirement(): void {
    const up = this.up;
    const baseline = this.baseline;
    if (up === null || up.requirement === null || !up.requirement.ok || up.kpiBaseline === null || up.kpiChange === null) return;
    if (baseline === null || !baseline.ok || this.metric === undefined) return;
    const text = String(roundTo(baseline.baseline.value + up.requirement.metricChange, UNIT_DIGITS[this.metric.unit]));
    this.targetText = text;
    this.#derived = { targetText: text, kpiBaseline: up.kpiBaseline, kpiTarget: up.kpiBaseline + up.kpiChange };
    this.touch('targetValue');
  }

  /** Clears the typed target after it was kept, keeping the metric and deadline for the next one. */
  reset(): void {
    this.targetText = '';
    this.benchmarkText = '';
    this.benchmarkSource = '';
    this.responsesText = '';
    this.kpiPercentText = '';
    this.findingChoice = null;
    this.#derived = null;
    this.#touched = {};
  }
}
