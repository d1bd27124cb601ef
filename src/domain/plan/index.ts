// The plan domain's public surface: types, metric library, edit operations, scorecards, coverage, sample plan.
export type * from './types';
export * from './validation';
export * from './ids';
export * from './metricLibrary';
export * from './newPlan';
export * from './ops';
export * from './scorecard';
export * from './scorecardConflicts';
export * from './coverage';
export * from './integrity';
export * from './samplePlan';
