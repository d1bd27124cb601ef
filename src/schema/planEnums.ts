// The closed sets of words the plan format allows (metric units, directions…), shared by every part of the schema.
import type {
  DepartmentRole,
  Direction,
  FindingMode,
  FindingPeriod,
  MeasureKind,
  MetricCategory,
  MetricUnit,
  Timing,
} from '../domain/plan/types';

export const METRIC_CATEGORIES = ['cx', 'operational', 'financial'] as const satisfies readonly MetricCategory[];
export const METRIC_UNITS = [
  'score',
  'percent',
  'seconds',
  'currency',
  'count',
  'rating',
  'ratio',
] as const satisfies readonly MetricUnit[];
export const DIRECTIONS = ['higher', 'lower'] as const satisfies readonly Direction[];
export const TIMINGS = ['leading', 'lagging'] as const satisfies readonly Timing[];
export const DEPARTMENT_ROLES = ['owner', 'contributor'] as const satisfies readonly DepartmentRole[];
export const MEASURE_KINDS = ['collective', 'individual'] as const satisfies readonly MeasureKind[];
export const FINDING_MODES = ['levels', 'trendControlled', 'differences'] as const satisfies readonly FindingMode[];
export const FINDING_PERIODS = ['day', 'week', 'month', 'quarter'] as const satisfies readonly FindingPeriod[];
