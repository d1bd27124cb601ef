// Test support for the plan domain: deep-freezing (to prove edits never mutate) and a small hand-built plan.
import type { Plan } from './types';
import { createEmptyPlan } from './newPlan';
import {
  addDepartment,
  addGoal,
  addGuardrail,
  addMetricFromLibrary,
  setGoalMetric,
  setMetricDepartment,
  setScorecardEntry,
} from './ops';

export const TEST_NOW = new Date('2024-03-01T09:30:00.000Z');

/** Freezes an object graph so any later mutation throws (ES modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Two goals, five library metrics, two departments: the Contact Centre is scored on AHT and CSAT with a guardrail,
 * Sales on revenue and NPS. Ids are short and fixed ("m-aht", "d-cc", "g-ret").
 */
export function smallPlan(): Plan {
  let p = createEmptyPlan('Test plan', TEST_NOW);
  for (const key of ['nps', 'csat', 'aht', 'fcr', 'revenue']) p = addMetricFromLibrary(p, key, `m-${key}`);
  p = addDepartment(p, { id: 'd-cc', name: 'Contact Centre', headcount: 120, surveyResponsesPerMonth: 900 });
  p = addDepartment(p, { id: 'd-sales', name: 'Sales', headcount: 30, surveyResponsesPerMonth: 200 });
  p = addGoal(p, { id: 'g-ret', name: 'Retain customers', kpiMetricId: 'm-nps', owner: 'CCO' });
  p = addGoal(p, { id: 'g-rev', name: 'Grow revenue', kpiMetricId: 'm-revenue', owner: 'CCO' });
  p = setGoalMetric(p, 'g-ret', 'm-csat', 4, 'Satisfied customers stay.');
  p = setGoalMetric(p, 'g-ret', 'm-aht', 2);
  p = setGoalMetric(p, 'g-rev', 'm-nps', 3);
  for (const key of ['csat', 'aht', 'fcr']) p = setMetricDepartment(p, `m-${key}`, 'd-cc', 'owner');
  p = setMetricDepartment(p, 'm-nps', 'd-cc', 'contributor');
  p = setMetricDepartment(p, 'm-nps', 'd-sales', 'owner');
  p = setMetricDepartment(p, 'm-revenue', 'd-sales', 'owner');
  p = setScorecardEntry(p, 'd-cc', 'm-nps', { kind: 'collective', weight: 30 });
  p = setScorecardEntry(p, 'd-cc', 'm-aht', { kind: 'individual', weight: 30 });
  p = setScorecardEntry(p, 'd-cc', 'm-csat', { kind: 'individual', weight: 40 });
  p = setScorecardEntry(p, 'd-sales', 'm-revenue', { kind: 'collective', weight: 60 });
  p = setScorecardEntry(p, 'd-sales', 'm-nps', { kind: 'collective', weight: 40 });
  p = addGuardrail(p, { id: 'gr-aht-csat', metricId: 'm-aht', guardMetricId: 'm-csat', departmentId: 'd-cc' });
  return p;
}
