// Creating plans: an empty one to start a workshop, or a copy of an existing one to try a variant.
import type { Plan, PlanSettings } from './types';
import { newId } from './ids';
import { requiredText } from './validation';

/** Money reads in US dollars until the team picks its own currency. */
export const DEFAULT_SETTINGS: PlanSettings = { currency: 'USD' };

/** A plan with no goals, metrics or departments; throws PlanEditError when the name is blank. */
export function createEmptyPlan(name: string, now: Date): Plan {
  const stamp = now.toISOString();
  return {
    id: newId('plan'),
    name: requiredText('name', name),
    description: '',
    createdAt: stamp,
    updatedAt: stamp,
    goals: [],
    metrics: [],
    departments: [],
    goalMetrics: [],
    metricDepartments: [],
    scorecard: [],
    guardrails: [],
    settings: { ...DEFAULT_SETTINGS },
    findings: [],
    conflictDismissals: [],
    model: null,
    targets: [],
    xlas: [],
  };
}

/**
 * A deep copy under a fresh plan id and new name, created now. Child ids are kept: they are scoped to their plan,
 * and keeping them lets two variants of a plan be compared entity by entity.
 */
export function duplicatePlan(plan: Plan, newName: string, now: Date): Plan {
  const stamp = now.toISOString();
  return {
    ...structuredClone(plan),
    id: newId('plan'),
    name: requiredText('name', newName),
    createdAt: stamp,
    updatedAt: stamp,
  };
}
