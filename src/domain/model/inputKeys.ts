// Stable keys that name each model input (scenario overrides, two-way tables and tornado bars refer to them).

/** The collective share (percent) of one department. */
export const collectiveShareKey = (departmentId: string): string => `collectiveShare:${departmentId}`;
/** In a scenario override: the collective share of every department at once. */
export const ALL_COLLECTIVE_SHARES_KEY = 'collectiveShare:*';
export const LINE_OF_SIGHT_KEY = 'lineOfSight';
export const FREE_RIDING_KEY = 'freeRiding';
export const RETURNS_CURVATURE_KEY = 'returnsCurvature';
export const reachKey = (departmentId: string, metricId: string): string => `reach:${departmentId}:${metricId}`;
export const sideEffectKey = (fromMetricId: string, toMetricId: string): string =>
  `sideEffect:${fromMetricId}:${toMetricId}`;
export const valueKey = (metricId: string): string => `value:${metricId}`;
export const effectKey = (initiativeId: string, metricId: string): string => `effect:${initiativeId}:${metricId}`;

/** True for the key of a department's collective share (not the every-department key). */
export function isCollectiveShareKey(key: string): boolean {
  return key.startsWith('collectiveShare:') && key !== ALL_COLLECTIVE_SHARES_KEY;
}
