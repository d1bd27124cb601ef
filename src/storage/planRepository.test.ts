// Behaviour of the plan repository: revisions, append-only history, trash, and all-or-nothing writes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CxDatabase } from './db';
import { NewerFormatError, PlanNotFoundError } from './errors';
import { saveDataset } from './datasetRepository';
import {
  createPlan,
  duplicatePlan,
  getPlan,
  getVersion,
  listDeletedPlans,
  listPlans,
  listVersions,
  markExported,
  purgeDeletedPlans,
  renamePlan,
  replacePlan,
  restorePlan,
  softDeletePlan,
  updatePlan,
} from './planRepository';
import { samplePlan, uniqueDbName } from './fixtures/testing';
import type { PlanRecord } from './records';
import { PLAN_FORMAT_VERSION } from '../schema/versions';

/** A format version only a future app writes. */
const NEWER = PLAN_FORMAT_VERSION + 1;

let db: CxDatabase;

beforeEach(() => {
  db = new CxDatabase(uniqueDbName());
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

function found(read: Awaited<ReturnType<typeof getPlan>>): PlanRecord {
  if (read.status !== 'found') throw new Error(`expected a stored plan, got ${read.status}`);
  return read.value;
}

describe('createPlan', () => {
  it('stores the plan at revision 1 with one "create" version', async () => {
    const plan = samplePlan({ name: 'Q3 alignment' });
    const record = await createPlan(db, plan);

    expect(record).toMatchObject({ id: plan.id, name: 'Q3 alignment', revision: 1, formatVersion: PLAN_FORMAT_VERSION, deletedAt: null });
    expect(found(await getPlan(db, plan.id)).plan).toEqual(plan);
    const versions = await listVersions(db, plan.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ planId: plan.id, revision: 1, label: 'create', formatVersion: PLAN_FORMAT_VERSION });
    expect(versions[0]).not.toHaveProperty('plan');
  });

  it('refuses a second plan with the same id and keeps the first', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    await expect(createPlan(db, { ...plan, name: 'Impostor' })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(found(await getPlan(db, plan.id)).name).toBe('Retention plan');
    expect(await db.planVersions.count()).toBe(1);
  });
});

describe('updatePlan', () => {
  it('increments the revision, stamps updatedAt and appends a version each time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-01T10:00:00.000Z'));
    const plan = samplePlan();
    await createPlan(db, plan);

    vi.setSystemTime(new Date('2024-06-01T10:05:00.000Z'));
    const second = await updatePlan(db, plan.id, (p) => ({ ...p, description: 'second' }));
    vi.setSystemTime(new Date('2024-06-01T10:09:00.000Z'));
    const third = await updatePlan(db, plan.id, (p) => ({ ...p, goals: [] }), 'remove goals');

    expect(second.revision).toBe(2);
    expect(third.revision).toBe(3);
    expect(third.updatedAt).toBe('2024-06-01T10:09:00.000Z');
    expect(third.plan.updatedAt).toBe('2024-06-01T10:09:00.000Z');
    expect(third.plan.description).toBe('second');
    expect(third.plan.goals).toEqual([]);
    expect(third.createdAt).toBe('2024-06-01T10:00:00.000Z');

    const versions = await listVersions(db, plan.id);
    expect(versions.map((v) => [v.revision, v.label, v.savedAt])).toEqual([
      [3, 'remove goals', '2024-06-01T10:09:00.000Z'],
      [2, 'edit', '2024-06-01T10:05:00.000Z'],
      [1, 'create', '2024-06-01T10:00:00.000Z'],
    ]);
  });

  it('never rewrites earlier versions', async () => {
    const plan = samplePlan({ description: 'original' });
    await createPlan(db, plan);
    const [first] = await db.planVersions.toArray();
    await updatePlan(db, plan.id, (p) => ({ ...p, description: 'changed' }));
    await renamePlan(db, plan.id, 'Renamed');

    const all = await db.planVersions.orderBy('seq').toArray();
    expect(all).toHaveLength(3);
    expect(all[0]).toEqual(first);
    expect(all.map((v) => v.plan.description)).toEqual(['original', 'changed', 'changed']);
    expect(all.map((v) => v.plan.name)).toEqual(['Retention plan', 'Retention plan', 'Renamed']);
  });

  it('leaves the plan and its history unchanged when the edit throws', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    const before = found(await getPlan(db, plan.id));

    await expect(
      updatePlan(db, plan.id, () => {
        throw new Error('invalid weight');
      }),
    ).rejects.toThrow('invalid weight');

    expect(found(await getPlan(db, plan.id))).toEqual(before);
    expect(await db.planVersions.count()).toBe(1);
  });

  it('keeps the stored id even when the edit returns another one', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    const record = await updatePlan(db, plan.id, (p) => ({ ...p, id: 'other' }));
    expect(record.plan.id).toBe(plan.id);
    expect(await db.plans.count()).toBe(1);
  });

  it('rejects an unknown plan with PlanNotFoundError', async () => {
    await expect(updatePlan(db, 'missing', (p) => p)).rejects.toBeInstanceOf(PlanNotFoundError);
    expect(await db.planVersions.count()).toBe(0);
  });
});

describe('a plan stored by a newer app', () => {
  async function storeNewer(): Promise<string> {
    const plan = samplePlan();
    await createPlan(db, plan);
    await db.plans.update(plan.id, { formatVersion: NEWER });
    return plan.id;
  }

  it('is read as a "newer-format" result instead of a plan', async () => {
    const id = await storeNewer();
    expect(await getPlan(db, id)).toEqual({ status: 'newer-format', formatVersion: NEWER });
  });

  it('is neither overwritten nor duplicated', async () => {
    const id = await storeNewer();
    await expect(updatePlan(db, id, (p) => ({ ...p, name: 'x' }))).rejects.toBeInstanceOf(NewerFormatError);
    await expect(replacePlan(db, id, samplePlan(), 'import')).rejects.toBeInstanceOf(NewerFormatError);
    await expect(duplicatePlan(db, id, 'copy')).rejects.toBeInstanceOf(NewerFormatError);
    expect((await db.plans.get(id))?.formatVersion).toBe(NEWER);
    expect(await db.plans.count()).toBe(1);
    expect(await db.planVersions.count()).toBe(1);
  });

  it('still appears in the plan list with its format version', async () => {
    const id = await storeNewer();
    expect(await listPlans(db)).toMatchObject([{ id, formatVersion: NEWER }]);
  });
});

describe('getPlan', () => {
  it('reports a missing plan as not-found', async () => {
    expect(await getPlan(db, 'nope')).toEqual({ status: 'not-found' });
  });
});

describe('replacePlan', () => {
  it('restores an old body as a new revision labelled as asked', async () => {
    const plan = samplePlan({ description: 'v1' });
    await createPlan(db, plan);
    await updatePlan(db, plan.id, (p) => ({ ...p, description: 'v2' }));
    const [, oldest] = await listVersions(db, plan.id);
    const old = await getVersion(db, oldest?.seq ?? -1);
    if (old.status !== 'found') throw new Error('version 1 missing');

    const record = await replacePlan(db, plan.id, old.value.plan, 'undo');

    expect(record.revision).toBe(3);
    expect(record.plan.description).toBe('v1');
    expect((await listVersions(db, plan.id))[0]).toMatchObject({ revision: 3, label: 'undo' });
  });

  it('keeps the target id when an imported plan carries another', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    const imported = samplePlan({ name: 'From e-mail' });
    const record = await replacePlan(db, plan.id, imported, 'import');
    expect(record).toMatchObject({ id: plan.id, name: 'From e-mail', revision: 2 });
    expect(record.plan.id).toBe(plan.id);
  });
});

describe('renamePlan', () => {
  it('renames both the record and the plan body and records a "rename" version', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    const record = await renamePlan(db, plan.id, 'Retention FY25');
    expect(record.name).toBe('Retention FY25');
    expect(record.plan.name).toBe('Retention FY25');
    expect((await listPlans(db))[0]?.name).toBe('Retention FY25');
    expect((await listVersions(db, plan.id))[0]).toMatchObject({ revision: 2, label: 'rename' });
  });
});

describe('duplicatePlan', () => {
  it('copies the body under a new id and name with its own history, leaving datasets with the original', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    await updatePlan(db, plan.id, (p) => ({ ...p, description: 'edited' }));
    await saveDataset(
      db,
      { planId: plan.id, name: 'KPIs', kind: 'timeseries', fileName: 'k.csv', sizeBytes: 10, contentHash: 'h',
        columns: [{ name: 'nps', type: 'number' }] },
      [Float64Array.of(1, 2)],
    );

    const copy = await duplicatePlan(db, plan.id, 'Copy of retention');

    expect(copy.id).not.toBe(plan.id);
    expect(copy.plan.id).toBe(copy.id);
    expect(copy).toMatchObject({ name: 'Copy of retention', revision: 1 });
    expect(copy.plan.description).toBe('edited');
    expect(copy.plan.goals).toEqual(plan.goals);
    expect((await listVersions(db, copy.id)).map((v) => v.label)).toEqual(['duplicate']);
    expect(await db.datasets.where('planId').equals(copy.id).count()).toBe(0);
    expect(await db.datasets.where('planId').equals(plan.id).count()).toBe(1);
  });
});

describe('listPlans', () => {
  it('lists plans newest first and leaves out the trash', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const a = samplePlan({ name: 'A' });
    const b = samplePlan({ name: 'B' });
    const c = samplePlan({ name: 'C' });
    vi.setSystemTime(new Date('2024-01-01T00:00:00Z'));
    await createPlan(db, a);
    vi.setSystemTime(new Date('2024-01-02T00:00:00Z'));
    await createPlan(db, b);
    vi.setSystemTime(new Date('2024-01-03T00:00:00Z'));
    await createPlan(db, c);
    vi.setSystemTime(new Date('2024-01-04T00:00:00Z'));
    await updatePlan(db, a.id, (p) => ({ ...p, description: 'touched' }));
    await softDeletePlan(db, b.id);

    const list = await listPlans(db);
    expect(list.map((s) => s.name)).toEqual(['A', 'C']);
    expect(list[0]).toEqual({
      id: a.id,
      name: 'A',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-04T00:00:00.000Z',
      lastExportedAt: null,
      deletedAt: null,
      revision: 2,
      formatVersion: PLAN_FORMAT_VERSION,
    });
  });
});

describe('trash', () => {
  it('soft delete hides a plan, restore brings it back unchanged', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    const before = found(await getPlan(db, plan.id));

    await softDeletePlan(db, plan.id);
    expect(await listPlans(db)).toEqual([]);
    expect((await listDeletedPlans(db)).map((s) => s.id)).toEqual([plan.id]);
    expect(found(await getPlan(db, plan.id)).deletedAt).not.toBeNull();

    await restorePlan(db, plan.id);
    expect(found(await getPlan(db, plan.id))).toEqual(before);
    expect(await listDeletedPlans(db)).toEqual([]);
  });

  it('purge removes old trashed plans with their versions, datasets and chunks, and nothing else', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-01T00:00:00Z'));
    const gone = samplePlan({ name: 'gone' });
    const recent = samplePlan({ name: 'recently trashed' });
    const kept = samplePlan({ name: 'kept' });
    for (const p of [gone, recent, kept]) {
      await createPlan(db, p);
      await saveDataset(
        db,
        { planId: p.id, name: 'd', kind: 'survey', fileName: 'd.csv', sizeBytes: 3, contentHash: p.id, chunkRows: 2,
          columns: [{ name: 'x', type: 'number' }, { name: 't', type: 'text' }] },
        [Float64Array.of(1, 2, 3), ['a', null, 'c']],
      );
    }
    await updatePlan(db, gone.id, (p) => ({ ...p, description: 'more history' }));
    await softDeletePlan(db, gone.id);
    vi.setSystemTime(new Date('2024-01-20T00:00:00Z'));
    await softDeletePlan(db, recent.id);

    const week = 7 * 24 * 3600 * 1000;
    expect(await purgeDeletedPlans(db, week)).toBe(1);

    expect(await db.plans.get(gone.id)).toBeUndefined();
    expect(await db.planVersions.where('planId').equals(gone.id).count()).toBe(0);
    expect(await db.datasets.where('planId').equals(gone.id).count()).toBe(0);
    expect((await db.plans.toCollection().primaryKeys()).sort()).toEqual([recent.id, kept.id].sort());
    expect(await db.planVersions.count()).toBe(2);
    expect(await db.datasets.count()).toBe(2);
    // 2 datasets × 2 columns × 2 chunks of up to 2 rows
    expect(await db.chunks.count()).toBe(8);

    expect(await purgeDeletedPlans(db, 0)).toBe(1);
    expect((await db.plans.toCollection().primaryKeys())).toEqual([kept.id]);
    expect(await db.chunks.count()).toBe(4);
  });

  it('reports trash operations on unknown plans', async () => {
    await expect(softDeletePlan(db, 'missing')).rejects.toBeInstanceOf(PlanNotFoundError);
    await expect(restorePlan(db, 'missing')).rejects.toBeInstanceOf(PlanNotFoundError);
  });
});

describe('markExported', () => {
  it('records the export time without a new revision or version', async () => {
    const plan = samplePlan();
    await createPlan(db, plan);
    await markExported(db, plan.id, new Date('2024-07-01T12:30:00Z'));
    const record = found(await getPlan(db, plan.id));
    expect(record.lastExportedAt).toBe('2024-07-01T12:30:00.000Z');
    expect(record.revision).toBe(1);
    expect(await db.planVersions.count()).toBe(1);
  });

  it('rejects an unknown plan', async () => {
    await expect(markExported(db, 'missing', new Date())).rejects.toBeInstanceOf(PlanNotFoundError);
  });
});
