// Reading and writing plans: every change of a plan body is one transaction that also appends to its history.
import type { Plan } from '../domain/plan/types';
import { loadPlanData } from '../schema/loadPlanData';
import { PLAN_FORMAT_VERSION } from '../schema/versions';
import type { CxDatabase } from './db';
import { NewerFormatError, PlanNotFoundError } from './errors';
import type { PlanRecord, PlanVersionRecord } from './records';

/** What the plan list shows; no plan body. */
export interface PlanSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  lastExportedAt: string | null;
  deletedAt: string | null;
  revision: number;
  formatVersion: number;
}

/** A history entry without its plan body. */
export type PlanVersionSummary = Omit<PlanVersionRecord, 'plan'>;

/** The outcome of reading something stored: found, absent, or written by a newer app and so not readable here. */
export type StoredRead<T> =
  | { status: 'found'; value: T }
  | { status: 'not-found' }
  | { status: 'newer-format'; formatVersion: number }
  | { status: 'unreadable'; message: string };

function summarize(r: PlanRecord): PlanSummary {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    lastExportedAt: r.lastExportedAt,
    deletedAt: r.deletedAt,
    revision: r.revision,
    formatVersion: r.formatVersion,
  };
}

/**
 * A stored plan in this app's format: current ones as they are, older ones upgraded through the same migrations
 * that plan files go through (so stored data and files cannot be read by different rules).
 */
function upgraded<T extends { formatVersion: number; plan: Plan }>(value: T): StoredRead<T> {
  if (value.formatVersion > PLAN_FORMAT_VERSION) return { status: 'newer-format', formatVersion: value.formatVersion };
  if (value.formatVersion === PLAN_FORMAT_VERSION) return { status: 'found', value };
  const loaded = loadPlanData(value.plan, value.formatVersion);
  if (!loaded.ok) {
    const detail = loaded.error.kind === 'invalid' ? loaded.error.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : loaded.error.kind;
    return { status: 'unreadable', message: `stored in format ${value.formatVersion} and could not be upgraded (${detail})` };
  }
  return { status: 'found', value: { ...value, plan: loaded.value.plan, formatVersion: PLAN_FORMAT_VERSION } };
}

function read<T extends { formatVersion: number; plan: Plan }>(value: T | undefined): StoredRead<T> {
  return value === undefined ? { status: 'not-found' } : upgraded(value);
}

/** Plans not in the trash, most recently changed first. */
export async function listPlans(db: CxDatabase): Promise<PlanSummary[]> {
  const records = await db.plans
    .orderBy('updatedAt')
    .reverse()
    .filter((r) => r.deletedAt === null)
    .toArray();
  return records.map(summarize);
}

/** Plans in the trash, most recently deleted first. */
export async function listDeletedPlans(db: CxDatabase): Promise<PlanSummary[]> {
  // Records with deletedAt = null are not in the deletedAt index (null is not a valid IndexedDB key).
  const records = await db.plans.orderBy('deletedAt').reverse().toArray();
  return records.map(summarize);
}

export async function getPlan(db: CxDatabase, id: string): Promise<StoredRead<PlanRecord>> {
  return read(await db.plans.get(id));
}

/** The stored plan upgraded to this app's format, or an error saying why it cannot be written here. */
function writable(id: string, stored: PlanRecord | undefined): PlanRecord {
  if (stored === undefined) throw new PlanNotFoundError(id);
  const read = upgraded(stored);
  if (read.status === 'found') return read.value;
  // Writing would replace a newer body with one in this app's older format.
  if (read.status === 'newer-format') throw new NewerFormatError(id, read.formatVersion);
  throw new Error(`Plan ${id} cannot be written: ${read.status === 'unreadable' ? read.message : 'not found'}.`);
}

/** Stores a new plan at revision 1 with its first history entry; fails if a plan with its id already exists. */
export async function createPlan(db: CxDatabase, plan: Plan, label = 'create'): Promise<PlanRecord> {
  return db.transaction('rw', db.plans, db.planVersions, () => insertPlan(db, plan, label));
}

async function insertPlan(db: CxDatabase, plan: Plan, label: string): Promise<PlanRecord> {
  const now = new Date().toISOString();
  const record: PlanRecord = {
    id: plan.id,
    name: plan.name,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    formatVersion: PLAN_FORMAT_VERSION,
    lastExportedAt: null,
    deletedAt: null,
    plan,
  };
  await db.plans.add(record);
  await appendVersion(db, record, label);
  return record;
}

function appendVersion(db: CxDatabase, record: PlanRecord, label: string): Promise<number> {
  return db.planVersions.add({
    planId: record.id,
    revision: record.revision,
    savedAt: record.updatedAt,
    label,
    formatVersion: record.formatVersion,
    plan: record.plan,
  });
}

/**
 * Writes the next revision of a plan: read, apply the synchronous `produce`, stamp, put, append to history, all in
 * one transaction so a failure anywhere (including in `produce`) leaves the stored plan and its history unchanged.
 * Nothing but IndexedDB is awaited inside, which keeps the transaction alive.
 */
async function writeRevision(
  db: CxDatabase,
  id: string,
  produce: (current: Plan) => Plan,
  label: string,
  restore = false,
): Promise<PlanRecord> {
  return db.transaction('rw', db.plans, db.planVersions, async () => {
    const current = writable(id, await db.plans.get(id));
    const now = new Date().toISOString();
    const plan: Plan = { ...produce(current.plan), id, updatedAt: now };
    const next: PlanRecord = {
      ...current,
      deletedAt: restore ? null : current.deletedAt,
      name: plan.name,
      updatedAt: now,
      revision: current.revision + 1,
      formatVersion: PLAN_FORMAT_VERSION,
      plan,
    };
    await db.plans.put(next);
    await appendVersion(db, next, label);
    return next;
  });
}

/**
 * Applies a pure edit to the stored plan. The edit must return plain data (e.g. `$state.snapshot` of UI state):
 * IndexedDB cannot store proxies or functions.
 */
export function updatePlan(
  db: CxDatabase,
  id: string,
  edit: (plan: Plan) => Plan,
  label = 'edit',
): Promise<PlanRecord> {
  return writeRevision(db, id, edit, label);
}

/**
 * Replaces the body wholesale (undo/redo, restoring an old version, import over an existing plan); keeps the id.
 * With `restore`, a plan in the trash comes back in the same transaction (importing a file of a deleted plan).
 */
export function replacePlan(
  db: CxDatabase,
  id: string,
  plan: Plan,
  label: string,
  options: { restore?: boolean } = {},
): Promise<PlanRecord> {
  return writeRevision(db, id, () => plan, label, options.restore ?? false);
}

export function renamePlan(db: CxDatabase, id: string, name: string): Promise<PlanRecord> {
  return writeRevision(db, id, (plan) => ({ ...plan, name }), 'rename');
}

/**
 * Copies a plan's current body under a new id and name, with a fresh history that starts at this copy.
 * Datasets are not copied: they stay with the original plan.
 */
export async function duplicatePlan(db: CxDatabase, id: string, newName: string): Promise<PlanRecord> {
  return db.transaction('rw', db.plans, db.planVersions, async () => {
    const source = writable(id, await db.plans.get(id));
    const now = new Date().toISOString();
    const copy: Plan = { ...source.plan, id: crypto.randomUUID(), name: newName, createdAt: now, updatedAt: now };
    return insertPlan(db, copy, 'duplicate');
  });
}

async function updateRecord(db: CxDatabase, id: string, changes: Partial<PlanRecord>): Promise<void> {
  const updated = await db.plans.update(id, changes);
  if (updated === 0) throw new PlanNotFoundError(id);
}

/** Moves a plan to the trash; it stays restorable until purged. */
export function softDeletePlan(db: CxDatabase, id: string): Promise<void> {
  return updateRecord(db, id, { deletedAt: new Date().toISOString() });
}

export function restorePlan(db: CxDatabase, id: string): Promise<void> {
  return updateRecord(db, id, { deletedAt: null });
}

/** Records when the plan was last written to a file, so the UI can warn about changes not yet exported. */
export function markExported(db: CxDatabase, id: string, when: Date): Promise<void> {
  return updateRecord(db, id, { lastExportedAt: when.toISOString() });
}

/**
 * Deletes for good the plans that have been in the trash for at least `olderThanMs`, with their history, datasets
 * and dataset chunks, in one transaction. Returns how many plans were purged.
 */
export async function purgeDeletedPlans(db: CxDatabase, olderThanMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  return db.transaction('rw', [db.plans, db.planVersions, db.datasets, db.chunks], async () => {
    const ids = await db.plans.where('deletedAt').belowOrEqual(cutoff).primaryKeys();
    if (ids.length === 0) return 0;
    const datasetIds = await db.datasets.where('planId').anyOf(ids).primaryKeys();
    await db.chunks.where('datasetId').anyOf(datasetIds).delete();
    await db.datasets.bulkDelete(datasetIds);
    await db.planVersions.where('planId').anyOf(ids).delete();
    await db.plans.bulkDelete(ids);
    return ids.length;
  });
}

/** The history of a plan, newest first, without plan bodies (fetch one with getVersion). */
export async function listVersions(db: CxDatabase, planId: string): Promise<PlanVersionSummary[]> {
  // Entries with equal index keys come in primary-key order, so reversing gives the newest seq first.
  const versions = await db.planVersions.where('planId').equals(planId).reverse().toArray();
  return versions.map((v) => ({
    seq: v.seq,
    planId: v.planId,
    revision: v.revision,
    savedAt: v.savedAt,
    label: v.label,
    formatVersion: v.formatVersion,
  }));
}

export async function getVersion(db: CxDatabase, seq: number): Promise<StoredRead<PlanVersionRecord>> {
  return read(await db.planVersions.get(seq));
}
