// Behaviour of the live views: they emit the current state, then again after every relevant write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CxDatabase } from './db';
import { observePlan, observePlanList } from './live';
import { createPlan, renamePlan, softDeletePlan } from './planRepository';
import { samplePlan, uniqueDbName } from './fixtures/testing';

let db: CxDatabase;

beforeEach(() => {
  db = new CxDatabase(uniqueDbName('cx-live'));
});

afterEach(async () => {
  await db.delete();
});

describe('observePlanList', () => {
  it('emits the list again after a plan is renamed and after one is trashed', async () => {
    const a = samplePlan({ name: 'A' });
    const b = samplePlan({ name: 'B' });
    await createPlan(db, a);
    await createPlan(db, b);
    const emitted: string[][] = [];
    const errors: unknown[] = [];
    const subscription = observePlanList(db).subscribe({
      next: (list) => emitted.push(list.map((s) => s.name)),
      error: (e: unknown) => errors.push(e),
    });
    try {
      await vi.waitFor(() => expect(emitted).toHaveLength(1));
      expect(emitted[0]?.slice().sort()).toEqual(['A', 'B']);

      await renamePlan(db, a.id, 'A renamed');
      await vi.waitFor(() => expect(emitted.at(-1)).toEqual(['A renamed', 'B']));

      await softDeletePlan(db, b.id);
      await vi.waitFor(() => expect(emitted.at(-1)).toEqual(['A renamed']));
      expect(errors).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('observePlan', () => {
  it('emits not-found, then the plan once created, then each new revision', async () => {
    const plan = samplePlan();
    const revisions: (number | string)[] = [];
    const subscription = observePlan(db, plan.id).subscribe((read) => {
      revisions.push(read.status === 'found' ? read.value.revision : read.status);
    });
    try {
      await vi.waitFor(() => expect(revisions).toEqual(['not-found']));
      await createPlan(db, plan);
      await vi.waitFor(() => expect(revisions).toEqual(['not-found', 1]));
      await renamePlan(db, plan.id, 'New name');
      await vi.waitFor(() => expect(revisions).toEqual(['not-found', 1, 2]));
    } finally {
      subscription.unsubscribe();
    }
  });
});
