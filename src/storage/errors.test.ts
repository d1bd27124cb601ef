// Behaviour under failure: full disks, databases from newer app versions, and other tabs upgrading the database.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CxDatabase } from './db';
import { classifyStorageError, onOutdated, openDatabase } from './errors';
import { createPlan, getPlan, updatePlan } from './planRepository';
import { saveDataset } from './datasetRepository';
import { readSchema } from './fixtures/loadFixtureDatabase';
import { samplePlan, uniqueDbName } from './fixtures/testing';

const names: string[] = [];
function dbName(): string {
  const name = uniqueDbName('cx-errors');
  names.push(name);
  return name;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Creates a raw database at a later on-disk version, as a newer CX Align would leave it. */
function createRawDatabase(name: string, onDiskVersion: number, stores: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, onDiskVersion);
    req.onupgradeneeded = () => {
      for (const store of stores) req.result.createObjectStore(store);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('classifyStorageError', () => {
  it('recognises a full disk however it is wrapped', () => {
    expect(classifyStorageError(quotaError())).toBe('quota');
    expect(classifyStorageError(new Dexie.QuotaExceededError('full'))).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', quotaError()))).toBe('quota');
    expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('quota');
    expect(classifyStorageError(new Error('write failed', { cause: quotaError() }))).toBe('quota');
  });

  it('recognises a newer database and a closed connection', () => {
    expect(classifyStorageError(new Dexie.VersionError('newer'))).toBe('database-newer');
    expect(classifyStorageError(new Dexie.DatabaseClosedError())).toBe('closed');
  });

  it('calls anything else unknown', () => {
    expect(classifyStorageError(new Error('boom'))).toBe('unknown');
    expect(classifyStorageError(new Dexie.ConstraintError('dup'))).toBe('unknown');
    expect(classifyStorageError('just a string')).toBe('unknown');
    expect(classifyStorageError(undefined)).toBe('unknown');
    const cyclic: { name: string; inner?: unknown } = { name: 'AbortError' };
    cyclic.inner = cyclic;
    expect(classifyStorageError(cyclic)).toBe('unknown');
  });
});

describe('a full disk during a write', () => {
  /** A database whose writes to `table` fail as a full disk does, once `full.on` is set. */
  function dbFailingOn(table: string): { db: CxDatabase; full: { on: boolean } } {
    const full = { on: false };
    const db = new CxDatabase(dbName());
    db.use({
      stack: 'dbcore',
      name: 'simulated-full-disk',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const downTable = down.table(tableName);
          return {
            ...downTable,
            mutate: (req) => (full.on && tableName === table ? Promise.reject(quotaError()) : downTable.mutate(req)),
          };
        },
      }),
    });
    return { db, full };
  }

  it('is classified as quota and leaves the plan and its history as they were', async () => {
    const { db, full } = dbFailingOn('planVersions');
    const plan = samplePlan();
    await createPlan(db, plan);
    full.on = true;

    // The plan put succeeds; the history append then fails, so the transaction must undo the put.
    const error = await updatePlan(db, plan.id, (p) => ({ ...p, name: 'lost' })).catch((e: unknown) => e);

    expect(classifyStorageError(error)).toBe('quota');
    full.on = false;
    const read = await getPlan(db, plan.id);
    expect(read.status === 'found' && read.value.revision).toBe(1);
    expect(read.status === 'found' && read.value.plan).toEqual(plan);
    expect(await db.planVersions.count()).toBe(1);
    db.close();
  });

  it('leaves no half-imported dataset behind', async () => {
    const { db, full } = dbFailingOn('chunks');
    const plan = samplePlan();
    await createPlan(db, plan);
    full.on = true;

    const error = await saveDataset(
      db,
      { planId: plan.id, name: 'big', kind: 'timeseries', fileName: 'big.csv', sizeBytes: 8, contentHash: 'h',
        columns: [{ name: 'x', type: 'number' }] },
      [Float64Array.of(1, 2, 3)],
    ).catch((e: unknown) => e);

    expect(classifyStorageError(error)).toBe('quota');
    full.on = false;
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.plans.count()).toBe(1);
    db.close();
  });
});

describe('openDatabase', () => {
  it('opens a new database at on-disk version 20 (Dexie version 2 × 10)', async () => {
    const name = dbName();
    const result = await openDatabase(name);
    if (!result.ok) throw new Error(result.message);
    expect(result.db.backendDB().version).toBe(20);
    const tables = result.db.tables.map((t) => t.name).sort();
    expect(tables).toEqual(['chunks', 'datasets', 'planVersions', 'plans', 'settings']);
    result.db.close();
  });

  it('refuses a database a newer app has upgraded, and leaves it untouched', async () => {
    const name = dbName();
    await createRawDatabase(name, 30, ['plans', 'planVersions', 'datasets', 'chunks', 'settings', 'snapshots']);
    const before = await readSchema(name);

    const result = await openDatabase(name);

    expect(result).toMatchObject({ ok: false, reason: 'database-newer' });
    expect(await readSchema(name)).toEqual(before);
  });

  it('does not patch a newer database that dropped a table this app declares', async () => {
    const name = dbName();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await createRawDatabase(name, 40, ['plans']);

    expect(await openDatabase(name)).toMatchObject({ ok: false, reason: 'database-newer' });
    expect(await readSchema(name)).toEqual({
      version: 40,
      stores: { plans: { keyPath: null, autoIncrement: false, indexes: [] } },
    });
  });

  it('reports a browser without IndexedDB as unavailable', async () => {
    const { indexedDB: saved } = Dexie.dependencies;
    Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory;
    try {
      expect(await openDatabase(dbName())).toMatchObject({ ok: false, reason: 'unavailable' });
    } finally {
      Dexie.dependencies.indexedDB = saved;
    }
  });
});

describe('onOutdated', () => {
  it('closes this connection when another tab upgrades, so the upgrade is not blocked, and calls back', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = dbName();
    const result = await openDatabase(name);
    if (!result.ok) throw new Error(result.message);
    const { db } = result;
    const callback = vi.fn();
    onOutdated(db, callback);

    await createRawDatabase(name, 30, []);

    expect(callback).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    const error = await db.plans.count().catch((e: unknown) => e);
    expect(classifyStorageError(error)).toBe('closed');
  });

  it('stops calling back once unsubscribed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = dbName();
    const result = await openDatabase(name);
    if (!result.ok) throw new Error(result.message);
    const callback = vi.fn();
    const unsubscribe = onOutdated(result.db, callback);
    unsubscribe();

    await createRawDatabase(name, 30, []);

    expect(callback).not.toHaveBeenCalled();
    result.db.close();
  });
});
