// Read-outs shared by the target form and the saved targets: the "up" link from a kept finding and its sentences.
import type { CorrelationFinding, Metric, Plan } from '../../domain/plan/types';
import type { KpiLink, Target } from '../../domain/targets/stored';
import type { TargetFormat, UpNames } from '../../domain/targets/sentence';
import { kpiValueSentence } from '../../domain/targets/sentence';
import { kpiValueOfMetricChange } from '../../domain/targets/upLink';

/** The "up" link a kept correlation finding gives a target, with the KPI levels it was derived from when it was. */
export function kpiLinkFromFinding(finding: CorrelationFinding, kpiBaseline: number | null, kpiTarget: number | null): KpiLink {
  return {
    kpiMetricId: finding.kpiMetricId,
    slope: finding.slope,
    slopeCiLow: finding.slopeLow,
    slopeCiHigh: finding.slopeHigh,
    lagPeriods: finding.lag,
    reading: finding.mode,
    p: finding.adjustedP,
    n: finding.n,
    kpiBaseline,
    kpiTarget,
  };
}

/** A metric's name inside a sentence: an acronym stays ("NPS"), a plain word reads lower-case ("revenue"). */
export function nameInSentence(metric: Pick<Metric, 'name' | 'abbreviation'>): string {
  return metric.abbreviation === metric.name ? metric.name.toLowerCase() : metric.abbreviation;
}

export function upNames(metric: Metric, kpi: Metric, period: CorrelationFinding['period']): UpNames {
  return {
    metric: { name: metric.abbreviation, unit: metric.unit },
    kpi: { name: nameInSentence(kpi), unit: kpi.unit },
    period,
  };
}

/** Kept findings that tie this metric to a KPI, the one for the goal's own KPI first. */
export function findingsFor(plan: Plan, metricId: string, goalId: string | null): CorrelationFinding[] {
  const goalKpi = plan.goals.find((g) => g.id === goalId)?.kpiMetricId ?? null;
  return plan.findings
    .filter((f) => f.metricId === metricId)
    .sort((a, b) => Number(b.kpiMetricId === goalKpi) - Number(a.kpiMetricId === goalKpi));
}

/**
 * "+5 points of NPS is worth +€200,000 of revenue a month …": what reaching the target is worth through its KPI
 * link, in the period the link's finding was measured in. null without a link (or a finding to tell its period).
 */
export function targetWorth(plan: Plan, target: Target, format: TargetFormat): string | null {
  const link = target.kpiLink;
  const metric = plan.metrics.find((m) => m.id === target.metricId);
  const kpi = link === null ? undefined : plan.metrics.find((m) => m.id === link.kpiMetricId);
  if (link === null || metric === undefined || kpi === undefined) return null;
  const finding = plan.findings.find((f) => f.metricId === target.metricId && f.kpiMetricId === link.kpiMetricId);
  const period = finding?.period ?? target.baseline.periodUnit;
  const change = target.targetValue - target.baseline.value;
  return kpiValueSentence(change, kpiValueOfMetricChange(link, change, period), upNames(metric, kpi, period), format);
}
