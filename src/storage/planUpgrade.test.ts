import { afterEach, describe, expect, it } from 'vitest';
import { CxDatabase } from './db';
import { createPlan, getPlan, updatePlan } from './planRepository';
import { samplePlan, uniqueDbName } from './fixtures/testing';

describe('stored plans in an older format', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  it('go through the plan-file migrations and report plainly when no migration path exists', async () => {
    db = new CxDatabase(uniqueDbName());
    const plan = samplePlan();
    await createPlan(db, plan);
    // Format 0 never existed, so no registered migration can upgrade it: the read must say so, not crash.
    await db.plans.update(plan.id, { formatVersion: 0 });
    const read = await getPlan(db, plan.id);
    expect(read.status).toBe('unreadable');
    await expect(updatePlan(db, plan.id, (p) => p)).rejects.toThrow(/cannot be written/);
  });

  it('read current-format plans as stored', async () => {
    db = new CxDatabase(uniqueDbName());
    const plan = samplePlan();
    await createPlan(db, plan);
    const read = await getPlan(db, plan.id);
    expect(read.status === 'found' && read.value.plan).toEqual(plan);
  });
});
