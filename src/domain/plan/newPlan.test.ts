// Tests for creating and duplicating plans.
import { describe, expect, it } from 'vitest';
import { createEmptyPlan, duplicatePlan } from './newPlan';
import { PlanEditError } from './validation';
import { TEST_NOW, deepFreeze, smallPlan } from './testing';

describe('createEmptyPlan', () => {
  it('starts with a trimmed name, empty collections, dollars and both timestamps at now', () => {
    const plan = createEmptyPlan('  Workshop  ', TEST_NOW);
    expect(plan).toEqual({
      id: expect.stringMatching(/^plan_/),
      name: 'Workshop',
      description: '',
      createdAt: '2024-03-01T09:30:00.000Z',
      updatedAt: '2024-03-01T09:30:00.000Z',
      goals: [],
      metrics: [],
      departments: [],
      goalMetrics: [],
      metricDepartments: [],
      scorecard: [],
      guardrails: [],
      settings: { currency: 'USD' },
      findings: [],
      conflictDismissals: [],
      model: null,
      targets: [],
      xlas: [],
    });
  });

  it('refuses a blank name', () => {
    expect(() => createEmptyPlan('', TEST_NOW)).toThrow(PlanEditError);
  });
});

describe('duplicatePlan', () => {
  it('copies everything under a fresh plan id, new name and new timestamps, keeping child ids', () => {
    const original = deepFreeze(smallPlan());
    const later = new Date('2024-04-02T10:00:00.000Z');
    const copy = duplicatePlan(original, 'Variant B', later);
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe('Variant B');
    expect(copy.createdAt).toBe('2024-04-02T10:00:00.000Z');
    expect(copy.updatedAt).toBe('2024-04-02T10:00:00.000Z');
    expect(copy.goals).toEqual(original.goals);
    expect(copy.scorecard).toEqual(original.scorecard);
    expect(copy.guardrails).toEqual(original.guardrails);
  });

  it('shares no objects with the original, so editing one never changes the other', () => {
    const original = smallPlan();
    const copy = duplicatePlan(original, 'Copy', TEST_NOW);
    expect(copy.metrics).not.toBe(original.metrics);
    copy.metrics[0]?.tradeOffs.push('x');
    expect(original.metrics[0]?.tradeOffs).toEqual(['revenue_per_rep']);
  });
});
