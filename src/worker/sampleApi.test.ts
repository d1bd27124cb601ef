import { afterEach, describe, expect, it } from 'vitest';
import { CxDatabase, createPlan, listDatasets } from '../storage';
import { uniqueDbName } from '../storage/fixtures/testing';
import { createSamplePlan } from '../domain/plan/samplePlan';
import { createSampleApi } from './sampleApi';

describe('sample datasets', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  it('stores the monthly KPIs and survey responses with their columns mapped, the recommend item as NPS', async () => {
    db = new CxDatabase(uniqueDbName());
    const plan = createSamplePlan(new Date('2026-11-23T09:00:00Z'));
    await createPlan(db, plan);
    await createSampleApi(async () => db).storeSampleDatasets(plan);
    const datasets = await listDatasets(db, plan.id);
    const monthly = datasets.find((d) => d.kind === 'timeseries');
    const survey = datasets.find((d) => d.kind === 'survey');
    expect(monthly?.rowCount).toBe(60);
    expect(survey?.rowCount).toBe(12_000);
    const nameOf = (d: typeof survey, i: number | null | undefined) => (i === null || i === undefined ? null : d?.columns[i]?.name);
    expect(nameOf(survey, survey?.roles?.survey.nps)).toBe('likelihood_to_recommend');
    expect(nameOf(monthly, monthly?.roles?.period)).toBe('month');
    const aht = plan.metrics.find((m) => m.key === 'aht');
    expect(monthly?.roles?.metrics.find((m) => m.metricId === aht?.id)).toEqual({ column: monthly?.columns.findIndex((c) => c.name === 'aht_seconds'), metricId: aht?.id });
  });
});
