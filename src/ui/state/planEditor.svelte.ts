// The open plan: shows edits at once, saves them in batches, follows other tabs, and keeps undo/redo.
import type { Plan } from '../../domain/plan/types';

/** What the editor needs from storage; the app wires it to the Dexie repositories. */
export interface PlanStore {
  update(planId: string, edit: (plan: Plan) => Plan, label: string): Promise<SavedPlan>;
  replace(planId: string, plan: Plan, label: string): Promise<SavedPlan>;
  observe(planId: string, onChange: (saved: SavedPlan | undefined) => void, onError: (error: unknown) => void): () => void;
}

export interface SavedPlan {
  revision: number;
  plan: Plan;
  lastExportedAt: string | null;
}

export type Edit = (plan: Plan) => Plan;

interface PendingBatch {
  edits: Edit[];
  label: string;
  coalesceKey: string | undefined;
  before: Plan;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Typing in one field within this window becomes one saved version and one undo step. */
const COALESCE_MS = 400;
const UNDO_LIMIT = 200;

export class PlanEditor {
  readonly planId: string;
  #store: PlanStore;
  #onSaveError: (error: unknown) => void;

  #saved = $state.raw<SavedPlan | null>(null);
  #plan = $state.raw<Plan | null>(null);
  #missing = $state(false);
  #undo = $state.raw<Plan[]>([]);
  #redo = $state.raw<Plan[]>([]);
  #saving = $state(false);
  #hasPending = $state(false);

  #pending: PendingBatch | null = null;
  #inFlight = 0;
  #writes: Promise<unknown> = Promise.resolve();
  #stopObserving: () => void;

  constructor(planId: string, store: PlanStore, onSaveError: (error: unknown) => void) {
    this.planId = planId;
    this.#store = store;
    this.#onSaveError = onSaveError;
    this.#stopObserving = store.observe(planId, (saved) => this.#receive(saved), onSaveError);
  }

  get plan(): Plan | null {
    return this.#plan;
  }
  get loaded(): boolean {
    return this.#plan !== null;
  }
  /** True once storage said this plan does not exist (deleted, or a bad link). */
  get missing(): boolean {
    return this.#missing;
  }
  get lastExportedAt(): string | null {
    return this.#saved?.lastExportedAt ?? null;
  }
  get canUndo(): boolean {
    return this.#undo.length > 0 || this.#pending !== null;
  }
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }
  /** True while any edit is waiting to be batched or being written: "All changes saved" only when it is false. */
  get saving(): boolean {
    return this.#saving || this.#hasPending;
  }

  /**
   * Applies a pure edit now and saves it. Edits with the same coalesce key in quick succession (keystrokes in one
   * field) are saved together as one version and undone as one step. Throws what the edit throws, unchanged.
   */
  apply(edit: Edit, options: { label?: string; coalesceKey?: string } = {}): void {
    const current = this.#plan;
    if (!current) return;
    const next = edit(current);
    if (this.#pending && (this.#pending.coalesceKey === undefined || this.#pending.coalesceKey !== options.coalesceKey)) {
      this.flush();
    }
    this.#plan = next;
    if (!this.#pending) {
      this.#pending = {
        edits: [],
        label: options.label ?? 'edit',
        coalesceKey: options.coalesceKey,
        before: current,
        timer: undefined,
      };
      this.#hasPending = true;
    }
    this.#pending.edits.push(edit);
    if (options.coalesceKey === undefined) {
      this.flush();
    } else {
      clearTimeout(this.#pending.timer);
      this.#pending.timer = setTimeout(() => this.flush(), COALESCE_MS);
    }
  }

  /**
   * Applies and saves an edit that records something rather than changes the plan (a finished analysis run), so it
   * is no undo step: it is also applied to every plan undo and redo would go back or forward to, which therefore keep
   * it. Edits being typed stay batched as they were. Throws what the edit throws, unchanged.
   */
  applyWithoutUndo(edit: Edit, label: string): void {
    const current = this.#plan;
    if (!current) return;
    this.#plan = edit(current);
    this.#undo = this.#undo.map(edit);
    this.#redo = this.#redo.map(edit);
    if (this.#pending) this.#pending.before = edit(this.#pending.before);
    void this.#write(() => this.#store.update(this.planId, edit, label));
  }

  /** Writes any batched edits now (also called when the page is hidden). */
  flush(): Promise<unknown> {
    const batch = this.#pending;
    if (!batch) return this.#writes;
    clearTimeout(batch.timer);
    this.#pending = null;
    this.#hasPending = false;
    this.#undo = [...this.#undo, batch.before].slice(-UNDO_LIMIT);
    this.#redo = [];
    const combined: Edit = (plan) => batch.edits.reduce((acc, edit) => edit(acc), plan);
    return this.#write(() => this.#store.update(this.planId, combined, batch.label));
  }

  undo(): void {
    this.flush();
    const previous = this.#undo.at(-1);
    const current = this.#plan;
    if (!previous || !current) return;
    this.#undo = this.#undo.slice(0, -1);
    this.#redo = [...this.#redo, current];
    this.#plan = previous;
    void this.#write(() => this.#store.replace(this.planId, previous, 'undo'));
  }

  redo(): void {
    const next = this.#redo.at(-1);
    const current = this.#plan;
    if (!next || !current) return;
    this.#redo = this.#redo.slice(0, -1);
    this.#undo = [...this.#undo, current];
    this.#plan = next;
    void this.#write(() => this.#store.replace(this.planId, next, 'redo'));
  }

  close(): void {
    void this.flush();
    this.#stopObserving();
  }

  #write(operation: () => Promise<SavedPlan>): Promise<unknown> {
    this.#inFlight += 1;
    this.#saving = true;
    this.#writes = this.#writes
      .then(operation)
      .then(
        (saved) => {
          this.#inFlight -= 1;
          this.#receive(saved);
        },
        (error: unknown) => {
          this.#inFlight -= 1;
          // Nothing half-written: the transaction rolled back, so show what storage really holds.
          this.#pending = null;
          this.#hasPending = false;
          if (this.#saved) this.#plan = this.#saved.plan;
          this.#onSaveError(error);
        },
      )
      .finally(() => {
        this.#saving = this.#inFlight > 0;
      });
    return this.#writes;
  }

  #receive(saved: SavedPlan | undefined): void {
    if (!saved) {
      this.#missing = true;
      return;
    }
    this.#missing = false;
    if (this.#saved && saved.revision < this.#saved.revision) return;
    this.#saved = saved;
    // While our own writes are queued the optimistic plan is newer than any stored one; adopt storage once they land.
    if (this.#inFlight > 0) return;
    const pending = this.#pending;
    this.#plan = pending ? pending.edits.reduce((acc, edit) => edit(acc), saved.plan) : saved.plan;
  }
}
