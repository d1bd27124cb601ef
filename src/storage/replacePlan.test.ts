import { afterEach, describe, expect, it } from 'vitest';
import { CxDatabase } from './db';
import { createPlan, getPlan, listPlans, replacePlan, softDeletePlan } from './planRepository';
import { samplePlan, uniqueDbName } from './fixtures/testing';

describe('replacePlan', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  it('brings a plan back from the trash with the new body in one step when asked to restore', async () => {
    db = new CxDatabase(uniqueDbName());
    const plan = samplePlan();
    await createPlan(db, plan);
    await softDeletePlan(db, plan.id);
    await replacePlan(db, plan.id, { ...plan, name: 'From the file' }, 'import', { restore: true });
    const read = await getPlan(db, plan.id);
    expect(read.status === 'found' && read.value.deletedAt).toBeNull();
    expect((await listPlans(db)).map((p) => p.name)).toEqual(['From the file']);
  });

  it('leaves a deleted plan in the trash when not asked to restore', async () => {
    db = new CxDatabase(uniqueDbName());
    const plan = samplePlan();
    await createPlan(db, plan);
    await softDeletePlan(db, plan.id);
    await replacePlan(db, plan.id, plan, 'undo');
    expect(await listPlans(db)).toEqual([]);
  });
});
