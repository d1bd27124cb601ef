// Application-wide state: the database connection and its health, the plan list, storage use, and plan-level actions.
import {
  classifyStorageError,
  createPlan,
  duplicatePlan,
  estimateStorage,
  getPlan,
  deleteDataset,
  setDatasetRoles,
  sweepOrphanChunks,
  observeDatasets,
  markExported,
  observePlan,
  observePlanList,
  onOutdated,
  openDatabase,
  purgeDeletedPlans,
  renamePlan,
  replacePlan,
  requestPersistence,
  restorePlan,
  softDeletePlan,
  updatePlan,
  NewerFormatError,
  type CxDatabase,
  type DatasetRecord,
  type DatasetRoles,
  type PlanSummary,
  type StorageEstimateBytes,
} from '../../storage';
import type { Plan } from '../../domain/plan/types';
import { PlanEditor, type PlanStore } from './planEditor.svelte';
import { Toasts } from './toasts.svelte';

export type AppStatus =
  | { kind: 'booting' }
  | { kind: 'ready' }
  | { kind: 'database-newer'; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'outdated' };

/** Deleted plans stay restorable (Undo) for this long before a later start-up purges them. */
const TRASH_KEEP_MS = 24 * 60 * 60 * 1000;

export class AppState {
  readonly toasts = new Toasts();
  #status = $state<AppStatus>({ kind: 'booting' });
  #plans = $state.raw<PlanSummary[]>([]);
  #storage = $state.raw<StorageEstimateBytes | null>(null);
  #persisted = $state<boolean | null>(null);
  #db: CxDatabase | null = null;

  get status(): AppStatus {
    return this.#status;
  }
  get plans(): readonly PlanSummary[] {
    return this.#plans;
  }
  get storage(): StorageEstimateBytes | null {
    return this.#storage;
  }
  get persisted(): boolean | null {
    return this.#persisted;
  }

  async boot(): Promise<void> {
    const opened = await openDatabase();
    if (!opened.ok) {
      this.#status = { kind: opened.reason, message: opened.message };
      return;
    }
    const db = opened.db;
    this.#db = db;
    onOutdated(db, () => {
      this.#status = { kind: 'outdated' };
    });
    observePlanList(db).subscribe({
      next: (plans) => {
        this.#plans = plans;
        void this.refreshStorage();
      },
      error: (e: unknown) => this.reportError(e),
    });
    this.#status = { kind: 'ready' };
    void purgeDeletedPlans(db, TRASH_KEEP_MS).catch(() => undefined);
    // Chunks of an import whose tab died mid-way belong to no dataset; nothing shows them, so reclaim the space.
    void sweepOrphanChunks(db).catch(() => undefined);
    this.#persisted = await requestPersistence();
  }

  async refreshStorage(): Promise<void> {
    this.#storage = await estimateStorage();
  }

  get canWrite(): boolean {
    return this.#status.kind === 'ready' && this.#db !== null;
  }

  #requireDb(): CxDatabase {
    if (!this.#db || this.#status.kind !== 'ready') throw new Error('Storage is not available in this tab.');
    return this.#db;
  }

  /** Opens an editor on a stored plan; the caller closes it. */
  openEditor(planId: string): PlanEditor {
    const db = this.#requireDb();
    const store: PlanStore = {
      update: (id, edit, label) => updatePlan(db, id, edit, label),
      replace: (id, plan, label) => replacePlan(db, id, plan, label),
      observe: (id, onChange, onError) => {
        const subscription = observePlan(db, id).subscribe({
          next: (read) => {
            if (read.status === 'found') onChange(read.value);
            else if (read.status === 'not-found') onChange(undefined);
            else if (read.status === 'newer-format') onError(new NewerFormatError(id, read.formatVersion));
            else onError(new Error(`This plan cannot be opened: it was ${read.message}.`));
          },
          error: onError,
        });
        return () => subscription.unsubscribe();
      },
    };
    return new PlanEditor(planId, store, (e) => this.reportError(e));
  }

  /** Turns a storage failure into a message the user can act on; nothing saved before it is lost. */
  reportError(error: unknown): void {
    if (error instanceof NewerFormatError) {
      this.#status = {
        kind: 'database-newer',
        message: 'This plan was saved by a newer version of CX Align. Reload to get the newer version.',
      };
      return;
    }
    switch (classifyStorageError(error)) {
      case 'quota':
        this.toasts.show(
          'Could not save: this browser’s storage is full. Your last saved version is safe — export the plan or delete old plans to free space.',
          { tone: 'error', ms: 15_000 },
        );
        return;
      case 'closed':
      case 'database-newer':
        this.#status = { kind: 'outdated' };
        return;
      case 'unknown':
        this.toasts.show(`Could not save: ${error instanceof Error ? error.message : String(error)}`, { tone: 'error' });
    }
  }

  async #attempt<T>(work: (db: CxDatabase) => Promise<T>): Promise<T | undefined> {
    try {
      return await work(this.#requireDb());
    } catch (e) {
      this.reportError(e);
      return undefined;
    }
  }

  createPlan(plan: Plan, label = 'create'): Promise<string | undefined> {
    return this.#attempt(async (db) => (await createPlan(db, plan, label)).id);
  }

  /** Replaces a stored plan's body; a plan in the trash is brought back with it. Undefined when it failed. */
  replacePlan(planId: string, plan: Plan, label: string): Promise<unknown> {
    return this.#attempt((db) => replacePlan(db, planId, { ...plan, id: planId }, label, { restore: true }));
  }

  /** What is stored under this plan id, trash included: imports must not collide with a deleted plan. */
  storedPlan(planId: string): Promise<{ name: string; deleted: boolean } | undefined> {
    return this.#attempt(async (db) => {
      const read = await getPlan(db, planId);
      if (read.status === 'not-found') return undefined;
      if (read.status !== 'found') return { name: planId, deleted: false };
      return { name: read.value.name, deleted: read.value.deletedAt !== null };
    });
  }

  renamePlan(planId: string, name: string): Promise<unknown> {
    return this.#attempt((db) => renamePlan(db, planId, name));
  }

  duplicatePlan(planId: string, name: string): Promise<string | undefined> {
    return this.#attempt(async (db) => (await duplicatePlan(db, planId, name)).id);
  }

  async deletePlan(planId: string, name: string): Promise<void> {
    await this.#attempt((db) => softDeletePlan(db, planId));
    this.toasts.show(`Deleted “${name}”.`, {
      action: { label: 'Undo', run: () => void this.#attempt((db) => restorePlan(db, planId)) },
    });
  }

  markExported(planId: string, when: Date): Promise<unknown> {
    return this.#attempt((db) => markExported(db, planId, when));
  }

  /** Follows a plan's datasets; returns the unsubscribe function. */
  watchDatasets(planId: string, onChange: (datasets: DatasetRecord[]) => void): () => void {
    const subscription = observeDatasets(this.#requireDb(), planId).subscribe({
      next: onChange,
      error: (e: unknown) => this.reportError(e),
    });
    return () => subscription.unsubscribe();
  }

  setDatasetRoles(datasetId: string, roles: DatasetRoles): Promise<unknown> {
    return this.#attempt((db) => setDatasetRoles(db, datasetId, roles));
  }

  async deleteDataset(datasetId: string, name: string): Promise<void> {
    await this.#attempt((db) => deleteDataset(db, datasetId));
    this.toasts.show(`Deleted the dataset “${name}”.`);
  }

  /** Datasets live beside plans; the sample workbook and the importer write through this. */
  get database(): CxDatabase {
    return this.#requireDb();
  }
}
