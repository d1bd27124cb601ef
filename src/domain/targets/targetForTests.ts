// Shared by the targets tests: library metrics and a target built from the fields each case changes.

import { findTemplate } from '../plan/metricLibrary';
import type { MetricTemplate } from '../plan/metricLibrary';
import type { Plan } from '../plan/types';
import type { StoredBaseline, Target } from './stored';

export function libraryMetric(key: string): MetricTemplate {
  const template = findTemplate(key);
  if (template === undefined) throw new Error(`no library metric ${key}`);
  return template;
}

export const NPS = libraryMetric('nps');
export const CSAT = libraryMetric('csat');
export const AHT = libraryMetric('aht');

export function baselineOf(fields: Partial<StoredBaseline> = {}): StoredBaseline {
  return {
    method: 'last',
    value: 60,
    asOf: '2026-12-01',
    windowPeriods: 1,
    periodUnit: 'month',
    projection: null,
    ...fields,
  };
}

export function targetOf(fields: Partial<Target> = {}): Target {
  return {
    id: 'target_1',
    metricId: 'metric_nps',
    goalId: 'goal_retention',
    baseline: baselineOf(),
    targetValue: 65,
    deadline: '2027-06-30',
    benchmark: null,
    expectedResponsesPerMonth: 1200,
    kpiLink: null,
    cascade: null,
    createdAt: '2027-01-10T09:00:00.000Z',
    ...fields,
  };
}

export const PLAN: Pick<Plan, 'goals' | 'goalMetrics'> = {
  goals: [
    { id: 'goal_retention', name: 'Keep customers longer', description: '', kpiMetricId: null, owner: '' },
    { id: 'goal_revenue', name: 'Grow revenue', description: '', kpiMetricId: 'metric_revenue', owner: '' },
  ],
  goalMetrics: [{ goalId: 'goal_retention', metricId: 'metric_nps', weight: 4, rationale: '' }],
};
