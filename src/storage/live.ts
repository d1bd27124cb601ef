// Live views of stored plans for the UI: observables that re-run their query whenever the data they read changes.
import { liveQuery, type Observable } from 'dexie';
import type { CxDatabase } from './db';
import { getPlan, listPlans, type PlanSummary, type StoredRead } from './planRepository';
import type { DatasetRecord, PlanRecord } from './records';
import { listDatasets } from './datasetRepository';

// Dexie 4 posts every committed write to the other tabs and workers of the same origin on a BroadcastChannel
// (its 'storagemutated' event), so these observables also update when another tab edits a plan. The returned
// observables satisfy Svelte's store contract.

/** Plans not in the trash, most recently changed first. */
export function observePlanList(db: CxDatabase): Observable<PlanSummary[]> {
  return liveQuery(() => listPlans(db));
}

export function observePlan(db: CxDatabase, id: string): Observable<StoredRead<PlanRecord>> {
  return liveQuery(() => getPlan(db, id));
}

/** A plan's datasets, updated when an import (in the worker) commits or a dataset is deleted. */
export function observeDatasets(db: CxDatabase, planId: string): Observable<DatasetRecord[]> {
  return liveQuery(() => listDatasets(db, planId));
}
