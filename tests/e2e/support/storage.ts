// Reads and reshapes the app's IndexedDB from inside the page, to check what was really saved (not just what is shown).
import type { Page } from '@playwright/test';

export const DB_NAME = 'cx-align';

/** The stored fields the tests look at; the full record shape belongs to src/storage/records.ts. */
export interface StoredPlanRecord {
  id: string;
  name: string;
  revision: number;
  deletedAt: string | null;
  plan: {
    name: string;
    goals: { id: string; name: string; kpiMetricId: string | null }[];
    metrics: { id: string; key: string; name: string; custom: boolean }[];
    departments: { id: string; name: string; headcount: number }[];
    scorecard: { departmentId: string; metricId: string; weight: number }[];
    guardrails: { metricId: string; guardMetricId: string; departmentId: string | null }[];
    goalMetrics: { goalId: string; metricId: string; weight: number }[];
    metricDepartments: { metricId: string; departmentId: string; role: string }[];
  };
}

/**
 * Every record of the 'plans' store, read with the raw IndexedDB API at the database's current version. Call it
 * only once the app has opened the database: opening a database that does not exist would create it.
 */
export function readStoredPlans(page: Page): Promise<StoredPlanRecord[]> {
  return page.evaluate(
    (name) =>
      new Promise<StoredPlanRecord[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('plans', 'readonly').objectStore('plans').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as StoredPlanRecord[]);
          };
          request.onerror = () => {
            db.close();
            reject(request.error);
          };
        };
      }),
    DB_NAME,
  );
}

/** The stored record of one plan, or undefined. */
export async function readStoredPlan(page: Page, planId: string): Promise<StoredPlanRecord | undefined> {
  return (await readStoredPlans(page)).find((record) => record.id === planId);
}

/** Names of the plans not in the trash, sorted, as stored. */
export async function storedPlanNames(page: Page): Promise<string[]> {
  return (await readStoredPlans(page))
    .filter((record) => record.deletedAt === null)
    .map((record) => record.name)
    .sort();
}

/** What a raw look at the database finds: its on-disk version, its stores, the plans' names and a marker value. */
export interface DatabaseSnapshot {
  version: number;
  stores: string[];
  planNames: string[];
  marker: unknown;
}

/**
 * Opens 'cx-align' at `version` from a page of the app's origin, as a newer app would: the upgrade adds a store with
 * a marker value and changes nothing else. Resolves once the upgrade is done, i.e. once every older connection closed.
 */
export function upgradeDatabase(page: Page, version: number): Promise<number> {
  return page.evaluate(
    ({ name, version }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name, version);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('fromTheFuture').put('kept', 'marker');
        };
        open.onsuccess = () => {
          const upgraded = open.result.version;
          open.result.close();
          resolve(upgraded);
        };
        open.onerror = () => reject(open.error);
      }),
    { name: DB_NAME, version },
  );
}

/** Reads the database as it is on disk, without upgrading it; run it from a page that does not hold it open. */
export function snapshotDatabase(page: Page): Promise<DatabaseSnapshot> {
  return page.evaluate(
    (name) =>
      new Promise<DatabaseSnapshot>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames].sort();
          const tx = db.transaction(stores.filter((s) => s === 'plans' || s === 'fromTheFuture'), 'readonly');
          const plans = tx.objectStore('plans').getAll();
          const marker = stores.includes('fromTheFuture') ? tx.objectStore('fromTheFuture').get('marker') : null;
          tx.oncomplete = () => {
            db.close();
            resolve({
              version: db.version,
              stores,
              planNames: (plans.result as { name: string }[]).map((p) => p.name).sort(),
              marker: marker?.result ?? null,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}

/** How many history entries the database holds for a plan. */
export function countPlanVersions(page: Page, planId: string): Promise<number> {
  return page.evaluate(
    ({ name, planId }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('planVersions', 'readonly').objectStore('planVersions').index('planId').count(planId);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { name: DB_NAME, planId },
  );
}

/** A dataset as stored, with the number of column chunks stored under its id. */
export interface StoredDataset {
  id: string;
  planId: string;
  name: string;
  rowCount: number;
  chunks: number;
}

/** What the data stores hold: every dataset record and every chunk, including chunks that belong to no dataset. */
export interface StoredData {
  datasets: StoredDataset[];
  chunks: number;
  /** Chunks whose dataset id is not a stored dataset: what an import that stopped half-way would leave. */
  orphanChunks: number;
  /** Marks of imports in progress ('import-staging:<id>' settings); none once every import has ended. */
  stagingMarks: number;
}

/**
 * Reads the 'datasets' and 'chunks' stores and the import marks in 'settings' with the raw IndexedDB API; call it
 * once the app has opened the database.
 */
export function readStoredData(page: Page): Promise<StoredData> {
  return page.evaluate(
    (name) =>
      new Promise<StoredData>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['datasets', 'chunks', 'settings'], 'readonly');
          const datasets = tx.objectStore('datasets').getAll();
          const settingKeys = tx.objectStore('settings').getAllKeys();
          // Keys only: the chunks' typed arrays of a big import need not be copied to count them.
          const chunkKeys = tx.objectStore('chunks').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            const records = datasets.result as { id: string; planId: string; name: string; rowCount: number }[];
            const perDataset = new Map<string, number>();
            for (const key of chunkKeys.result as [string, number, number][]) {
              perDataset.set(key[0], (perDataset.get(key[0]) ?? 0) + 1);
            }
            const known = new Set(records.map((r) => r.id));
            let orphanChunks = 0;
            for (const [id, count] of perDataset) if (!known.has(id)) orphanChunks += count;
            resolve({
              datasets: records.map(({ id, planId, name, rowCount }) => ({ id, planId, name, rowCount, chunks: perDataset.get(id) ?? 0 })),
              chunks: chunkKeys.result.length,
              orphanChunks,
              stagingMarks: settingKeys.result.filter((key) => String(key).startsWith('import-staging:')).length,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}
