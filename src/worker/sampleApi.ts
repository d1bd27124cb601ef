// The sample workbook's datasets, generated from the seeded script and stored next to the database in the worker.
import type { Plan } from '../domain/plan/types';
import { generateSampleData } from '../domain/sample/sampleData';
import { toTypedColumns } from '../io/columnar';
import { saveDataset, setDatasetRoles, type CxDatabase, type DatasetRoles } from '../storage';

export function createSampleApi(db: () => Promise<CxDatabase>) {
  return {
    /** Stores five years of monthly KPIs and a year of survey responses for the sample plan, columns already mapped. */
    async storeSampleDatasets(plan: Plan): Promise<void> {
      const database = await db();
      const planId = plan.id;
      const data = generateSampleData();
      const sets = [
        { name: 'Monthly KPIs 2021–2025', kind: 'timeseries' as const, fileName: 'monthly-kpis.csv', table: data.monthly },
        { name: 'Survey responses 2025', kind: 'survey' as const, fileName: 'survey-responses.csv', table: data.survey },
      ];
      for (const set of sets) {
        const typed = toTypedColumns(set.table);
        const dataset = await saveDataset(
          database,
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
        await setDatasetRoles(database, dataset.id, sampleRoles(plan, typed.columns.map((c) => c.name), set.kind));
      }
    },
  };
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
