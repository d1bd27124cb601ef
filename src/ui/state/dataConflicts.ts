// Conflicts between plan metrics across every time-series dataset of a plan, computed in the data worker.
import type { MetricConflict, Plan } from '../../domain/plan';
import type { DatasetRecord } from '../../storage';
import type { ImportClient } from '../../worker/importClient';

/** Time-series datasets with a period column and at least two columns mapped to metrics of the plan. */
export function conflictDatasets(plan: Plan, datasets: readonly DatasetRecord[]): DatasetRecord[] {
  const known = new Set(plan.metrics.map((m) => m.id));
  return datasets.filter(
    (d) =>
      d.kind === 'timeseries' &&
      d.roles?.period !== null &&
      d.roles?.period !== undefined &&
      d.roles.metrics.filter((m) => known.has(m.metricId)).length >= 2,
  );
}

/**
 * Every significant better-with-worse pair of plan metrics in the plan's data (levels and changes agreeing, as on the
 * correlation tab). A pair found in several datasets is reported once, from the first dataset that shows it.
 */
export async function findMetricConflicts(
  plan: Plan,
  datasets: readonly DatasetRecord[],
  client: Pick<ImportClient, 'conflictMatrix'>,
): Promise<MetricConflict[]> {
  const found: MetricConflict[] = [];
  const seen = new Set<string>();
  for (const dataset of conflictDatasets(plan, datasets)) {
    const mapped = (dataset.roles?.metrics ?? [])
      .map((m) => ({ column: m.column, metric: plan.metrics.find((x) => x.id === m.metricId) }))
      .filter((m) => m.metric !== undefined);
    const summary = await client.conflictMatrix({
      datasetId: dataset.id,
      period: dataset.roles!.period!,
      columns: mapped.map((m) => ({ column: m.column, direction: m.metric!.direction })),
    });
    if (!summary.ok) continue;
    for (const pair of summary.pairs) {
      if (pair.relation !== 'conflict' || !pair.levels.ok) continue;
      const a = mapped.find((m) => String(m.column) === pair.a)?.metric;
      const b = mapped.find((m) => String(m.column) === pair.b)?.metric;
      if (!a || !b) continue;
      const key = [a.id, b.id].sort().join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ metricId: a.id, otherMetricId: b.id, adjustedR: pair.levels.adjustedR, p: pair.levels.p, datasetName: dataset.name });
    }
  }
  return found;
}
