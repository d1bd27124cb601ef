// The Model tab's state: the plan's model validated and compiled once, the cheap analyses derived from it on the page,
// and edits that are refused at their field instead of saved.
import type { Plan } from '../../domain/plan/types';
import type { PlanEditor, Edit } from './planEditor.svelte';
import { PlanEditError } from '../../domain/plan/validation';
import { saveRun, setModel } from '../../domain/plan/modelOps';
import { formatPercent } from '../format';
import {
  ALL_COLLECTIVE_SHARES_KEY,
  compileModel,
  defaultModel,
  fingerprintOf,
  gridValues,
  modelInputsJson,
  NothingToSweepError,
  projectModel,
  scenarioInputs,
  sweepCollectiveShare,
  tornado,
  twoWayTable,
  validateModel,
  WEIGHTING_VALUE,
  type CompiledPlanModel,
  type ModelProblem,
  type Projection,
  type SavedRuns,
  type SavedRunStamp,
  type SweepResult,
  type TornadoResult,
  type TwoWayTable,
} from '../../domain/model';

/** The points of a two-way table on each side: 7 × 7 = 49 evaluations, far under a millisecond. */
export const TWO_WAY_POINTS = 7;

export interface ScenarioRow {
  /** Null for the model as it stands. */
  id: string | null;
  name: string;
  /** One value per output of the compiled model, in output order. */
  outputs: Float64Array;
}

/** A refused edit's problem as a sentence for the field ("Must be at least 1 (got 0)."), without the field's path. */
export function problemText(error: PlanEditError): string {
  const prefix = `${error.field}: `;
  const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class ModelWorkbench {
  readonly #editor: PlanEditor;

  /** The department whose share the curve sweeps; null moves every department's together. */
  sweepDepartment = $state<string | null>(null);
  tornadoOutput = $state<string>(WEIGHTING_VALUE);
  twoWayRow = $state<string | null>(null);
  twoWayColumn = $state<string | null>(null);
  twoWayOutput = $state<string>(WEIGHTING_VALUE);

  constructor(editor: PlanEditor) {
    this.#editor = editor;
  }

  /** The tab is shown only once the plan is loaded. */
  get plan(): Plan {
    return this.#editor.plan as Plan;
  }

  readonly problems: ModelProblem[] = $derived.by(() => {
    const plan = this.#editor.plan;
    return plan?.model ? validateModel(plan, plan.model) : [];
  });

  /** The canonical text of what the model computes from (fingerprint.ts); null without a model. */
  readonly #inputs: string | null = $derived.by(() => {
    const plan = this.#editor.plan;
    return plan?.model ? modelInputsJson(plan, plan.model) : null;
  });

  /** The fingerprint of the model as it stands: a saved run with another one ran on an older model. */
  readonly fingerprint: string | null = $derived(this.#inputs === null ? null : fingerprintOf(this.#inputs));

  /** The last compile and what it was compiled from (not state: only the derived below reads and writes it). */
  #lastCompile: { inputs: string; compiled: CompiledPlanModel } | null = null;

  /**
   * The compiled model, kept while its inputs are unchanged: saving a run or editing a description changes the plan
   * but not the model, and then every analysis and chart derived from it stays as it is instead of being redrawn.
   */
  readonly compiled: CompiledPlanModel | null = $derived.by(() => {
    const plan = this.#editor.plan;
    const inputs = this.#inputs;
    if (!plan?.model || inputs === null || this.problems.length > 0) return null;
    if (this.#lastCompile?.inputs !== inputs) this.#lastCompile = { inputs, compiled: compileModel(plan, plan.model) };
    return this.#lastCompile.compiled;
  });

  /** The last saved run of each analysis (none without a model). */
  get runs(): SavedRuns | null {
    return this.#editor.plan?.model?.runs ?? null;
  }

  /** True when a saved run was made on a model other than the one as it stands. */
  isStale(run: SavedRunStamp): boolean {
    return run.fingerprint !== this.fingerprint;
  }

  /**
   * The stamp of a run started now with `seed`, to be taken when it finishes: the fingerprint is the model's as the
   * run starts (so an edit made while it works shows the run as out of date), the time is when it finished. Null
   * without a model.
   */
  runStamp(seed: number): (() => SavedRunStamp) | null {
    const fingerprint = this.fingerprint;
    return fingerprint === null ? null : () => ({ ranAt: new Date().toISOString(), fingerprint, seed });
  }

  /** Keeps a finished run in the plan as the last of its kind: saved and shared like any edit, but no undo step. */
  saveRun<K extends keyof SavedRuns>(kind: K, run: NonNullable<SavedRuns[K]>, label: string): void {
    this.#editor.applyWithoutUndo((p) => saveRun(p, kind, run), label);
  }

  readonly sweep: { ok: true; result: SweepResult } | { ok: false; message: string } | null = $derived.by(() => {
    const model = this.compiled;
    if (!model) return null;
    const departmentId = model.departments.some((d) => d.id === this.sweepDepartment && d.inputIndex >= 0) ? this.sweepDepartment : null;
    try {
      return { ok: true, result: sweepCollectiveShare(model, { departmentId }) };
    } catch (error) {
      if (error instanceof NothingToSweepError) return { ok: false, message: error.message };
      throw error;
    }
  });

  /** The output the tornado and tables show, falling back to the weighting's value if the choice went away. */
  #output(key: string): string {
    return this.compiled?.outputs.some((o) => o.key === key) ? key : WEIGHTING_VALUE;
  }

  readonly tornado: TornadoResult | null = $derived.by(() => {
    const model = this.compiled;
    return model ? tornado(model, { outputKey: this.#output(this.tornadoOutput) }) : null;
  });

  readonly projection: Projection | null = $derived.by(() => (this.compiled ? projectModel(this.compiled) : null));

  /** Defaults to the two assumptions with the largest swings, so the first table shown is already a useful one. */
  readonly twoWay: TwoWayTable | null = $derived.by(() => {
    const model = this.compiled;
    if (!model) return null;
    const keys = new Set(model.inputs.map((i) => i.key));
    const leading = (this.tornado?.bars ?? []).map((b) => b.key);
    const row = this.twoWayRow !== null && keys.has(this.twoWayRow) ? this.twoWayRow : (leading[0] ?? model.inputs[0]?.key);
    const fallbackColumn = [...leading, ...model.inputs.map((i) => i.key)].find((k) => k !== row);
    const column =
      this.twoWayColumn !== null && keys.has(this.twoWayColumn) && this.twoWayColumn !== row ? this.twoWayColumn : fallbackColumn;
    if (row === undefined || column === undefined) return null;
    const spec = (key: string) => model.inputs.find((i) => i.key === key) as CompiledPlanModel['inputs'][number];
    return twoWayTable(model, {
      rowKey: row,
      rowValues: gridValues(spec(row), TWO_WAY_POINTS),
      columnKey: column,
      columnValues: gridValues(spec(column), TWO_WAY_POINTS),
      outputKey: this.#output(this.twoWayOutput),
    });
  });

  /** The model as it stands and every scenario, each evaluated once at its base inputs. */
  readonly scenarioRows: ScenarioRow[] = $derived.by(() => {
    const model = this.compiled;
    const plan = this.#editor.plan;
    if (!model || !plan?.model) return [];
    const override = plan.model.settings.collectiveShareOverride;
    const baseName = override === null ? 'Base case (scorecards as they are)' : `Base case (${formatPercent(override, 1)} collective for all)`;
    const rows: ScenarioRow[] = [{ id: null, name: baseName, outputs: new Float64Array(model.outputs.length) }];
    model.evaluate(scenarioInputs(model, null), (rows[0] as ScenarioRow).outputs);
    for (const scenario of plan.model.scenarios) {
      const outputs = new Float64Array(model.outputs.length);
      model.evaluate(scenarioInputs(model, scenario), outputs);
      rows.push({ id: scenario.id, name: scenario.name, outputs });
    }
    return rows;
  });

  /** The keys a scenario may override: every input of the model plus every department's share at once. */
  readonly overridableInputs: { key: string; label: string }[] = $derived.by(() => [
    { key: ALL_COLLECTIVE_SHARES_KEY, label: 'Collective share: every department' },
    ...(this.compiled?.inputs.map((i) => ({ key: i.key, label: i.label })) ?? []),
  ]);

  /**
   * Builds the first model from the plan, its scorecards and the findings it keeps, or rebuilds it. Saved runs are
   * results, not assumptions: a rebuild keeps them (shown as made on an older model) until the next run replaces them.
   */
  build(): void {
    const model = defaultModel(this.plan);
    this.#editor.apply((p) => setModel(p, { ...model, runs: p.model?.runs ?? model.runs }), { label: 'build the model' });
  }

  /**
   * Applies an edit unless it is refused; returns the refusal as a sentence for the field (null when saved).
   * The edit is replayed on save, so it must capture its values, not read state that changes later.
   */
  attempt(edit: Edit, label: string, coalesceKey?: string): string | null {
    try {
      edit(this.plan);
    } catch (error) {
      if (error instanceof PlanEditError) return problemText(error);
      throw error;
    }
    this.#editor.apply(edit, coalesceKey === undefined ? { label } : { label, coalesceKey });
    return null;
  }
}
