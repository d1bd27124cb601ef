import { afterEach, describe, expect, it } from 'vitest';
import { CxDatabase } from './db';
import { createPlan } from './planRepository';
import { saveDataset } from './datasetRepository';
import { rolesProblem, setDatasetRoles, suggestRoles } from './datasetRoles';
import { samplePlan, uniqueDbName } from './fixtures/testing';
import type { ColumnMeta } from './records';

const COLUMNS: ColumnMeta[] = [
  { name: 'submitted', type: 'date' },
  { name: 'region', type: 'category', dictionary: ['North'] },
  { name: 'likelihood_to_recommend', type: 'number' },
  { name: 'csat', type: 'number' },
  { name: 'effort', type: 'number' },
];

describe('dataset roles', () => {
  let db: CxDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('suggests period, segments, CSAT and CES from types and names, but never the NPS item', () => {
    expect(suggestRoles({ columns: COLUMNS, kind: 'survey' })).toEqual({
      period: 0,
      segments: [1],
      metrics: [],
      survey: { nps: null, csat: 3, ces: 4 },
    });
  });

  it('refuses a role on a column of the wrong type', () => {
    const dataset = { columns: COLUMNS } as Parameters<typeof rolesProblem>[0];
    expect(rolesProblem(dataset, { period: 1, segments: [], metrics: [], survey: { nps: null, csat: null, ces: null } })).toMatch(/date/);
    expect(rolesProblem(dataset, { period: 0, segments: [2], metrics: [], survey: { nps: null, csat: null, ces: null } })).toMatch(/category/);
    expect(rolesProblem(dataset, { period: 0, segments: [1], metrics: [], survey: { nps: 1, csat: null, ces: null } })).toMatch(/number/);
  });

  it('stores confirmed roles with the dataset', async () => {
    const store = new CxDatabase(uniqueDbName());
    db = store;
    const plan = samplePlan();
    await createPlan(store, plan);
    const dataset = await saveDataset(
      store,
      { planId: plan.id, name: 'Survey', kind: 'survey', fileName: 's.csv', sizeBytes: 10, columns: COLUMNS, contentHash: 'h' },
      [new Float64Array([0]), new Int32Array([0]), new Float64Array([9]), new Float64Array([5]), new Float64Array([2])],
    );
    const roles = { ...suggestRoles(dataset), survey: { nps: 2, csat: 3, ces: 4 } };
    await setDatasetRoles(store, dataset.id, roles);
    expect((await store.datasets.get(dataset.id))?.roles).toEqual(roles);
  });
});
