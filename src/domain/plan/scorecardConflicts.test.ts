// Tests for conflicts shown on department scorecards.
import { describe, expect, it } from 'vitest';
import { addGuardrail, dismissConflict, removeGuardrail, setScorecardEntry } from './ops';
import { scorecardConflicts, type MetricConflict } from './scorecardConflicts';
import { smallPlan } from './testing';

const AHT_CSAT: MetricConflict = { metricId: 'm-csat', otherMetricId: 'm-aht', adjustedR: -0.32, p: 0.014, datasetName: 'kpis' };
const NPS_REVENUE: MetricConflict = { metricId: 'm-nps', otherMetricId: 'm-revenue', adjustedR: -0.4, p: 0.01, datasetName: 'kpis' };

function plan() {
  let p = removeGuardrail(smallPlan(), 'gr-aht-csat');
  p = setScorecardEntry(p, 'd-cc', 'm-nps', { kind: 'collective', weight: 30 });
  p = setScorecardEntry(p, 'd-cc', 'm-revenue', { kind: 'collective', weight: 10 });
  p = setScorecardEntry(p, 'd-cc', 'm-aht', { kind: 'individual', weight: 30 });
  p = setScorecardEntry(p, 'd-cc', 'm-csat', { kind: 'collective', weight: 30 });
  return p;
}

describe('scorecardConflicts', () => {
  it('warns the department whose individual measure conflicts with a collective one, individual first', () => {
    expect(scorecardConflicts(plan(), [AHT_CSAT])).toEqual([
      { ...AHT_CSAT, metricId: 'm-aht', otherMetricId: 'm-csat', departmentId: 'd-cc', kinds: ['individual', 'collective'], guarded: false },
    ]);
  });

  it('says nothing about two collective measures, or about metrics a department does not carry', () => {
    expect(scorecardConflicts(plan(), [NPS_REVENUE])).toEqual([]);
    expect(scorecardConflicts(plan(), [{ ...AHT_CSAT, metricId: 'm-fcr' }])).toEqual([]);
  });

  it('leaves out a dismissed conflict and marks a guarded one', () => {
    const dismissed = dismissConflict(plan(), { metricId: 'm-aht', otherMetricId: 'm-csat', reason: 'Seasonal', dismissedAt: '2026-11-23T10:00:00.000Z' });
    expect(scorecardConflicts(dismissed, [AHT_CSAT])).toEqual([]);
    const guarded = addGuardrail(plan(), { metricId: 'm-aht', guardMetricId: 'm-csat', departmentId: 'd-cc' });
    expect(scorecardConflicts(guarded, [AHT_CSAT])[0]?.guarded).toBe(true);
  });
});
