// The targets domain's public surface: stored shapes, baselines, SMART checks, up and in, tracking, agreements, tables.
export type * from './stored';
export {
  AGREEMENT_KINDS,
  BASELINE_METHODS,
  CASCADE_AGGREGATIONS,
  CASCADE_METHODS,
  CASCADE_NODE_KINDS,
  KPI_LINK_READINGS,
  TARGET_PERIOD_UNITS,
  XLA_COMPARATORS,
} from './stored';
export * from './problem';
export * from './dates';
export * from './baseline';
export * from './volatility';
export * from './noise';
export * from './validate';
export * from './smart';
export * from './upLink';
export * from './cascade';
export * from './cascadeStart';
export * from './tracking';
export * from './xla';
export * from './sentence';
export * from './checklist';
export * from './rows';
