// The correlation test's public surface: per-metric lag scans, ranking, CFO sentences, lead/lag and KPI conflicts.
export * from './metricTest';
export * from './warnings';
export * from './influence';
export * from './ranking';
export * from './sentence';
export * from './leadLag';
export * from './conflicts';
