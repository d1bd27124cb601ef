// Plan-level actions that combine storage with files: export and import plan files, open the sample workbook.
import type { AppState } from './app.svelte';
import type { Plan } from '../../domain/plan/types';
import { toTypedColumns } from '../../io/columnar';
import { saveDataset, setDatasetRoles } from '../../storage';
import type { DatasetRoles } from '../../storage/records';
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
  const [{ createSamplePlan }, { generateSampleData }] = await Promise.all([
    import('../../domain/plan/samplePlan'),
    import('../../domain/sample/sampleData'),
  ]);
  const now = new Date();
  const plan = { ...createSamplePlan(now), id: `sample-${crypto.randomUUID()}` };
  const planId = await app.createPlan(plan, 'sample');
  if (!planId) return undefined;
  const data = generateSampleData();
  const sets = [
    { name: 'Monthly KPIs 2021–2025', kind: 'timeseries' as const, fileName: 'monthly-kpis.csv', table: data.monthly },
    { name: 'Survey responses 2025', kind: 'survey' as const, fileName: 'survey-responses.csv', table: data.survey },
  ];
  for (const set of sets) {
    const typed = toTypedColumns(set.table);
    const dataset = await saveDataset(
      app.database,
      {
        planId,
        name: set.name,
        kind: set.kind,
        fileName: set.fileName,
        sizeBytes: 0,
        columns: typed.columns,
        contentHash: `sample:${set.fileName}`,
      },
      typed.data,
    );
    await setDatasetRoles(app.database, dataset.id, sampleRoles(plan, typed.columns.map((c) => c.name), set.kind));
  }
  return planId;
}

/** Sample CSV column names that differ from the library key of the metric they measure. */
const SAMPLE_COLUMN_KEYS: Record<string, string> = { aht_seconds: 'aht' };

/** The sample's columns already mean something: say so, so its charts show at once. */
function sampleRoles(plan: Plan, names: string[], kind: 'timeseries' | 'survey'): DatasetRoles {
  const at = (name: string) => {
    const index = names.indexOf(name);
    return index < 0 ? null : index;
  };
  if (kind === 'survey') {
    return {
      period: at('submitted'),
      segments: ['region', 'channel', 'team', 'agent'].map(at).filter((i): i is number => i !== null),
      metrics: [],
      survey: { nps: at('likelihood_to_recommend'), csat: at('csat'), ces: at('effort') },
    };
  }
  const metrics = names.flatMap((name, column) => {
    const metric = plan.metrics.find((m) => m.key === (SAMPLE_COLUMN_KEYS[name] ?? name));
    return metric ? [{ column, metricId: metric.id }] : [];
  });
  return { period: at('month'), segments: [], metrics, survey: { nps: null, csat: null, ces: null } };
}
