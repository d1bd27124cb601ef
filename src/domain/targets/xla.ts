// Experience- and service-level agreements: the usual IT agreements, and compliance per period with its breaches.

import type { Id, MetricUnit } from '../plan/types';
import type { History } from './baseline';
import { isoFromEpochMs } from './dates';
import type { AgreementKind, Xla, XlaComparator } from './stored';

export interface XlaTemplate {
  name: string;
  /** Library key of the metric measured. */
  metricKey: string;
  comparator: XlaComparator;
  threshold: number;
  unit: MetricUnit;
  kind: AgreementKind;
}

/**
 * IT judged on what users experience (XLAs) next to the ticket-time measures of classic SLAs. The page-load bound
 * is Google's "good" Largest Contentful Paint at the 75th percentile; resolution time is a typical 8-hour SLA.
 */
export const XLA_TEMPLATES: readonly XlaTemplate[] = [
  { name: 'App rating', metricKey: 'app_rating', comparator: '>=', threshold: 4.5, unit: 'rating', kind: 'xla' },
  { name: 'Digital CSAT', metricKey: 'csat', comparator: '>=', threshold: 80, unit: 'percent', kind: 'xla' },
  { name: 'Conversion rate', metricKey: 'conversion_rate', comparator: '>=', threshold: 3, unit: 'percent', kind: 'xla' },
  { name: 'Error-page rate', metricKey: 'error_page_rate', comparator: '<=', threshold: 0.5, unit: 'percent', kind: 'xla' },
  { name: 'Page load time', metricKey: 'page_load_time', comparator: '<=', threshold: 2.5, unit: 'seconds', kind: 'xla' },
  { name: 'SLA compliance', metricKey: 'sla_compliance', comparator: '>=', threshold: 95, unit: 'percent', kind: 'sla' },
  { name: 'IT resolution time', metricKey: 'it_resolution_time', comparator: '<=', threshold: 8 * 3600, unit: 'seconds', kind: 'sla' },
];

export function xlaFromTemplate(template: XlaTemplate, id: Id, metricId: Id | null): Xla {
  return {
    id,
    name: template.name,
    metricId,
    comparator: template.comparator,
    threshold: template.threshold,
    unit: template.unit,
    kind: template.kind,
  };
}

/** Whether one reading keeps the agreement; the threshold itself keeps it (≥ 4.5 is met by 4.5). */
export function meetsAgreement(xla: Pick<Xla, 'comparator' | 'threshold'>, value: number): boolean {
  return xla.comparator === '>=' ? value >= xla.threshold : value <= xla.threshold;
}

export interface CompliancePeriod {
  /** YYYY-MM-DD: the start of the period. */
  period: string;
  /** null when the period has no reading: it is neither met nor breached. */
  value: number | null;
  met: boolean | null;
}

export interface Breach {
  period: string;
  value: number;
  /** How far the reading is on the wrong side of the threshold, as a positive amount. */
  shortfall: number;
}

export interface Compliance {
  xla: Xla;
  periods: CompliancePeriod[];
  /** Periods with a reading. */
  measured: number;
  met: number;
  /** met ÷ measured; null when nothing was measured. */
  rate: number | null;
  breaches: Breach[];
  /** The longest run of consecutive breached periods (a missing period ends a run). */
  longestBreachRun: number;
  /** Consecutive periods up to the newest reading with its outcome (a missing period ends a run); null with no reading. */
  currentRun: { met: boolean; periods: number } | null;
}

/** Compliance of a measure's readings with an agreement, period by period. */
export function compliance(xla: Xla, history: History): Compliance {
  const periods: CompliancePeriod[] = [];
  const breaches: Breach[] = [];
  let measured = 0;
  let met = 0;
  let run = 0;
  let longestBreachRun = 0;
  for (let i = 0; i < history.values.length; i++) {
    const v = history.values[i] as number;
    const period = isoFromEpochMs(history.t[i] as number);
    if (!Number.isFinite(v)) {
      periods.push({ period, value: null, met: null });
      run = 0;
      continue;
    }
    measured++;
    const ok = meetsAgreement(xla, v);
    periods.push({ period, value: v, met: ok });
    if (ok) {
      met++;
      run = 0;
    } else {
      breaches.push({ period, value: v, shortfall: Math.abs(v - xla.threshold) });
      run++;
      longestBreachRun = Math.max(longestBreachRun, run);
    }
  }
  let currentRun: Compliance['currentRun'] = null;
  let newest = periods.length - 1;
  while (newest >= 0 && periods[newest]?.met === null) newest--;
  const outcome = periods[newest]?.met;
  if (typeof outcome === 'boolean') {
    let length = 0;
    for (let k = newest; k >= 0 && periods[k]?.met === outcome; k--) length++;
    currentRun = { met: outcome, periods: length };
  }
  return { xla, periods, measured, met, rate: measured > 0 ? met / measured : null, breaches, longestBreachRun, currentRun };
}
