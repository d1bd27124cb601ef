// Tests for the sample plan: reproducible, consistent, balanced, and clean but for its one lesson.
import { describe, expect, it } from 'vitest';
import { SAMPLE_PLAN_ID, createSamplePlan } from './samplePlan';
import { brokenLinks } from './integrity';
import { coverageWarnings } from './coverage';
import { scorecardFor } from './scorecard';
import { findTemplate } from './metricLibrary';
import { TEST_NOW } from './testing';

const plan = createSamplePlan(TEST_NOW);

describe('createSamplePlan', () => {
  it('is reproducible: the same input gives an identical plan with fixed ids', () => {
    expect(createSamplePlan(TEST_NOW)).toEqual(plan);
    expect(plan.id).toBe(SAMPLE_PLAN_ID);
    expect(plan.createdAt).toBe('2024-03-01T09:30:00.000Z');
    expect(plan.goals.map((g) => g.id)).toEqual([
      'sample-goal-revenue',
      'sample-goal-retention',
      'sample-goal-brand',
      'sample-goal-efficiency',
    ]);
  });

  it('returns a fresh object graph each time, so editing one sample cannot leak into the next', () => {
    const a = createSamplePlan(TEST_NOW);
    a.goals[0]!.name = 'changed';
    a.metrics[0]!.tradeOffs.push('x');
    expect(createSamplePlan(TEST_NOW)).toEqual(plan);
  });

  it('has six departments with headcounts and survey volumes', () => {
    expect(plan.departments.map((d) => d.name)).toEqual([
      'Marketing',
      'Sales',
      'Product & Digital',
      'IT',
      'Contact Centre',
      'Customer Experience',
    ]);
    for (const d of plan.departments) {
      expect(d.headcount).toBeGreaterThan(0);
      expect(d.surveyResponsesPerMonth).toBeGreaterThan(0);
    }
  });

  it('gives each of the four goals a KPI, a description, an owner and several weighted, explained metrics', () => {
    const metricKey = new Map(plan.metrics.map((m) => [m.id, m.key]));
    expect(plan.goals.map((g) => [g.name, metricKey.get(g.kpiMetricId ?? '')])).toEqual([
      ['Grow revenue', 'revenue'],
      ['Retain customers', 'churn_rate'],
      ['Protect the brand', 'nps'],
      ['Serve efficiently', 'cost_to_serve'],
    ]);
    for (const goal of plan.goals) {
      expect(goal.description).not.toBe('');
      expect(goal.owner).not.toBe('');
      expect(plan.goalMetrics.filter((l) => l.goalId === goal.id).length).toBeGreaterThanOrEqual(4);
    }
    for (const link of plan.goalMetrics) {
      expect(Number.isInteger(link.weight) && link.weight >= 1 && link.weight <= 5).toBe(true);
      expect(link.rationale.length).toBeGreaterThan(20);
    }
  });

  it('uses library metrics unchanged, including the core CX and financial ones', () => {
    const keys = plan.metrics.map((m) => m.key);
    for (const key of ['revenue', 'nps', 'csat', 'ces', 'fcr', 'aht', 'churn_rate', 'conversion_rate', 'clv', 'aov',
      'sla_compliance', 'sentiment']) {
      expect(keys).toContain(key);
    }
    for (const m of plan.metrics) {
      const { id, custom, ...template } = m;
      expect(custom).toBe(false);
      expect(id).toBe(`sample-metric-${m.key}`);
      expect(template).toEqual(findTemplate(m.key));
    }
  });

  it('has no broken links, and exactly one owner for every metric', () => {
    expect(brokenLinks(plan)).toEqual([]);
    for (const m of plan.metrics) {
      expect(plan.metricDepartments.filter((l) => l.metricId === m.id && l.role === 'owner')).toHaveLength(1);
    }
  });

  it('gives every department a valid scorecard sharing revenue and NPS as collective measures', () => {
    for (const d of plan.departments) {
      const card = scorecardFor(plan, d.id);
      expect(card.valid).toBe(true);
      expect(card.total).toBe(100);
      expect(card.collective.map((l) => l.metric.key)).toEqual(['revenue', 'nps']);
      expect(card.individual.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('guards AHT with CSAT (and FCR) in the contact centre', () => {
    const key = new Map(plan.metrics.map((m) => [m.id, m.key]));
    expect(plan.guardrails.map((g) => [key.get(g.metricId), key.get(g.guardMetricId), g.departmentId])).toEqual([
      ['aht', 'csat', 'sample-dept-contact-centre'],
      ['aht', 'fcr', 'sample-dept-contact-centre'],
    ]);
  });

  it('is coverage-clean except the deliberate Sales trade-off between revenue per rep and NPS', () => {
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'trade-off-without-guardrail',
        departmentId: 'sample-dept-sales',
        metricIds: ['sample-metric-nps', 'sample-metric-revenue_per_rep'],
        severity: 'warning',
        message:
          'Sales is scored on both NPS and Rev/rep, which pull against each other. ' +
          'Add a guardrail so pushing one cannot quietly hurt the other.',
      },
    ]);
  });
});
