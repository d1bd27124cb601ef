// Saving what a dataset's columns mean to the plan (period, segments, metrics, survey items).
import type { CxDatabase } from './db';
import type { DatasetRecord, DatasetRoles } from './records';

/** Checks the roles against the dataset's columns so a stale form cannot point at a column of the wrong type. */
export function rolesProblem(dataset: DatasetRecord, roles: DatasetRoles): string | null {
  const typeOf = (index: number | null) => (index === null ? null : (dataset.columns[index]?.type ?? 'missing'));
  if (roles.period !== null && typeOf(roles.period) !== 'date') return 'The period column must be a date column.';
  if (roles.segments.some((s) => typeOf(s) !== 'category')) return 'Segments must be category columns.';
  const numeric = [...roles.metrics.map((m) => m.column), roles.survey.nps, roles.survey.csat, roles.survey.ces];
  if (numeric.some((c) => c !== null && typeOf(c) !== 'number')) return 'Metrics and survey answers must be number columns.';
  return null;
}

export async function setDatasetRoles(db: CxDatabase, datasetId: string, roles: DatasetRoles): Promise<void> {
  await db.transaction('rw', db.datasets, async () => {
    const dataset = await db.datasets.get(datasetId);
    if (dataset === undefined) throw new Error(`No dataset with id ${datasetId} is stored.`);
    const problem = rolesProblem(dataset, roles);
    if (problem) throw new Error(problem);
    await db.datasets.put({ ...dataset, roles });
  });
}

/** A first guess from column types and names, for the user to confirm; never guesses the NPS item. */
export function suggestRoles(dataset: Pick<DatasetRecord, 'columns' | 'kind'>): DatasetRoles {
  const indexed = dataset.columns.map((column, index) => ({ ...column, index }));
  const numbers = indexed.filter((c) => c.type === 'number');
  const byName = (pattern: RegExp) => numbers.find((c) => pattern.test(c.name.toLowerCase()))?.index ?? null;
  return {
    period: indexed.find((c) => c.type === 'date')?.index ?? null,
    segments: indexed.filter((c) => c.type === 'category').map((c) => c.index),
    metrics: [],
    survey:
      dataset.kind === 'survey'
        ? { nps: null, csat: byName(/csat|satisf/), ces: byName(/\bces\b|effort/) }
        : { nps: null, csat: null, ces: null },
  };
}
