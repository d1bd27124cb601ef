// Plan-level actions that combine storage with files: export and import plan files, open the sample workbook.
import type { AppState } from './app.svelte';
import type { Plan } from '../../domain/plan/types';
import { importClient } from './importService';
import { downloadText } from '../download';

export async function exportPlan(app: AppState, plan: Plan): Promise<void> {
  // The plan-file code (and its validator) loads on first use, keeping the first page load small.
  const { exportPlanFile, planFileName } = await import('../../io/planFile');
  const now = new Date();
  const text = await exportPlanFile(plan, { appVersion: __APP_VERSION__, now });
  downloadText(planFileName(plan, now), text);
  await app.markExported(plan.id, now);
  app.toasts.show(`Exported “${plan.name}”.`);
}

export type ImportOutcome =
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; plan: Plan; existingName: string }
  | { kind: 'imported'; planId: string };

/** Reads a plan file; a plan whose id is already stored is handed back so the user can choose replace or copy. */
export async function readPlanForImport(app: AppState, file: Blob): Promise<ImportOutcome> {
  const { readPlanFile, describePlanFileError } = await import('../../io/planFile');
  const result = await readPlanFile(file);
  if (!result.ok) return { kind: 'error', message: describePlanFileError(result.error) };
  // Ask storage, not the list on screen: it includes the trash and plans saved a moment ago.
  const existing = await app.storedPlan(result.plan.id);
  if (existing?.deleted) {
    // The user deleted this plan; importing its file brings it back as the file has it.
    const restored = await app.replacePlan(result.plan.id, result.plan, 'import');
    return restored ? { kind: 'imported', planId: result.plan.id } : { kind: 'error', message: 'The plan could not be saved.' };
  }
  if (existing) return { kind: 'conflict', plan: result.plan, existingName: existing.name };
  const planId = await app.createPlan(result.plan, 'import');
  return planId ? { kind: 'imported', planId } : { kind: 'error', message: 'The plan could not be saved.' };
}

export async function importAsCopy(app: AppState, plan: Plan): Promise<string | undefined> {
  return app.createPlan({ ...plan, id: crypto.randomUUID(), name: `${plan.name} (imported)` }, 'import');
}

/** A fresh copy of the sample workbook each time, with its monthly KPIs and raw survey responses. */
export async function openSampleWorkbook(app: AppState): Promise<string | undefined> {
  const { createSamplePlan } = await import('../../domain/plan/samplePlan');
  const plan = { ...createSamplePlan(new Date()), id: `sample-${crypto.randomUUID()}` };
  const planId = await app.createPlan(plan, 'sample');
  if (!planId) return undefined;
  // Generating 12,000 responses takes longer than a frame: the data worker does it next to the database.
  await importClient().storeSampleDatasets(plan);
  return planId;
}
