import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CxDatabase, createPlan, getPlan, listVersions, observePlan, replacePlan, updatePlan } from '../../storage';
import { uniqueDbName } from '../../storage/fixtures/testing';
import { createEmptyPlan } from '../../domain/plan/newPlan';
import { addGoal, renamePlan, updateGoal } from '../../domain/plan/ops';
import type { Plan } from '../../domain/plan/types';
import { PlanEditor, type PlanStore } from './planEditor.svelte';

function storeFor(db: CxDatabase): PlanStore {
  return {
    update: (id, edit, label) => updatePlan(db, id, edit, label),
    replace: (id, plan, label) => replacePlan(db, id, plan, label),
    observe: (id, onChange, onError) => {
      const sub = observePlan(db, id).subscribe({
        next: (read) => onChange(read.status === 'found' ? read.value : undefined),
        error: onError,
      });
      return () => sub.unsubscribe();
    },
  };
}

async function storedPlan(db: CxDatabase, id: string): Promise<Plan> {
  const read = await getPlan(db, id);
  if (read.status !== 'found') throw new Error('plan not stored');
  return read.value.plan;
}

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  });
}

describe('PlanEditor', () => {
  let db: CxDatabase;
  let plan: Plan;
  let errors: unknown[];
  let editor: PlanEditor;

  beforeEach(async () => {
    db = new CxDatabase(uniqueDbName());
    plan = createEmptyPlan('Workshop', new Date('2026-11-23T09:00:00Z'));
    await createPlan(db, plan);
    errors = [];
    editor = new PlanEditor(plan.id, storeFor(db), (e) => errors.push(e));
    await until(() => editor.loaded);
  });

  afterEach(async () => {
    editor.close();
    await db.delete();
  });

  it('shows an edit at once and stores it as one new version', async () => {
    editor.apply((p) => addGoal(p, { id: 'g1', name: 'Grow revenue' }));
    expect(editor.plan?.goals.map((g) => g.name)).toEqual(['Grow revenue']);
    await editor.flush();
    expect((await storedPlan(db, plan.id)).goals.map((g) => g.name)).toEqual(['Grow revenue']);
    expect((await listVersions(db, plan.id)).map((v) => v.label)).toEqual(['edit', 'create']);
  });

  it('saves keystrokes in one field as one version and undoes them as one step', async () => {
    editor.apply((p) => addGoal(p, { id: 'g1', name: 'G' }));
    for (const name of ['Gr', 'Gro', 'Grow']) {
      editor.apply((p) => updateGoal(p, 'g1', { name }), { coalesceKey: 'goal-name' });
    }
    await editor.flush();
    expect((await storedPlan(db, plan.id)).goals[0]?.name).toBe('Grow');
    expect(await listVersions(db, plan.id)).toHaveLength(3);

    editor.undo();
    expect(editor.plan?.goals[0]?.name).toBe('G');
    await editor.flush();
    await until(() => !editor.saving);
    expect((await storedPlan(db, plan.id)).goals[0]?.name).toBe('G');
  });

  it('redoes what was undone, and a new edit clears the redo stack', async () => {
    editor.apply((p) => renamePlan(p, 'First'));
    editor.apply((p) => renamePlan(p, 'Second'));
    editor.undo();
    expect(editor.plan?.name).toBe('First');
    expect(editor.canRedo).toBe(true);
    editor.redo();
    expect(editor.plan?.name).toBe('Second');
    editor.undo();
    editor.apply((p) => renamePlan(p, 'Third'));
    expect(editor.canRedo).toBe(false);
    await editor.flush();
    await until(() => !editor.saving);
    expect((await storedPlan(db, plan.id)).name).toBe('Third');
  });

  describe('an edit without undo (a saved run)', () => {
    const record = (p: Plan): Plan => ({ ...p, description: 'Recorded' });

    it('is shown and stored at once but is no undo step', async () => {
      editor.applyWithoutUndo(record, 'save a run');
      expect(editor.plan?.description).toBe('Recorded');
      expect(editor.canUndo).toBe(false);
      await until(() => !editor.saving);
      expect((await storedPlan(db, plan.id)).description).toBe('Recorded');
      expect((await listVersions(db, plan.id)).map((v) => v.label)).toEqual(['save a run', 'create']);
    });

    it('is kept by undo and redo of the edits around it', async () => {
      editor.apply((p) => renamePlan(p, 'First'));
      editor.applyWithoutUndo(record, 'save a run');
      editor.undo();
      expect(editor.plan).toMatchObject({ name: 'Workshop', description: 'Recorded' });
      editor.redo();
      expect(editor.plan).toMatchObject({ name: 'First', description: 'Recorded' });
      editor.undo();
      await until(() => !editor.saving);
      expect(await storedPlan(db, plan.id)).toMatchObject({ name: 'Workshop', description: 'Recorded' });
    });

    it('leaves an edit being typed batched, and undoing that edit keeps the record', async () => {
      editor.apply((p) => renamePlan(p, 'Q'), { coalesceKey: 'plan-name' });
      editor.applyWithoutUndo(record, 'save a run');
      editor.apply((p) => renamePlan(p, 'Q4'), { coalesceKey: 'plan-name' });
      await editor.flush();
      await until(() => !editor.saving);
      expect(await storedPlan(db, plan.id)).toMatchObject({ name: 'Q4', description: 'Recorded' });
      editor.undo();
      expect(editor.plan).toMatchObject({ name: 'Workshop', description: 'Recorded' });
      expect(editor.canUndo).toBe(false);
    });
  });

  it('follows an edit saved elsewhere (another tab) without losing its own', async () => {
    await updatePlan(db, plan.id, (p) => addGoal(p, { id: 'other', name: 'From the other tab' }));
    await until(() => editor.plan?.goals.length === 1);
    editor.apply((p) => addGoal(p, { id: 'mine', name: 'Mine' }));
    await editor.flush();
    await until(() => !editor.saving);
    expect((await storedPlan(db, plan.id)).goals.map((g) => g.id)).toEqual(['other', 'mine']);
  });

  it('passes a refused edit to its caller and changes nothing', () => {
    expect(() => editor.apply((p) => renamePlan(p, '   '))).toThrow(/name/);
    expect(editor.plan?.name).toBe('Workshop');
    expect(editor.canUndo).toBe(false);
  });

  it('shows what storage holds when a save fails, and reports the failure', async () => {
    const failing: PlanStore = {
      ...storeFor(db),
      update: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')),
    };
    const local = new PlanEditor(plan.id, failing, (e) => errors.push(e));
    await until(() => local.loaded);
    local.apply((p) => renamePlan(p, 'Never saved'));
    expect(local.plan?.name).toBe('Never saved');
    await local.flush();
    expect(local.plan?.name).toBe('Workshop');
    expect(errors).toHaveLength(1);
    expect((await storedPlan(db, plan.id)).name).toBe('Workshop');
    local.close();
  });

  it('says the plan is missing when storage has none with its id', async () => {
    const ghost = new PlanEditor('no-such-plan', storeFor(db), (e) => errors.push(e));
    await until(() => ghost.missing);
    expect(ghost.plan).toBeNull();
    ghost.close();
  });
});
