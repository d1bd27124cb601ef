// Public API of the storage layer: the only part of CX Align that touches IndexedDB.
export { CxDatabase, DATABASE_VERSION, DEFAULT_CHUNK_ROWS, DEFAULT_DB_NAME } from './db';
export type {
  ChunkRecord,
  ChunkValues,
  ColumnData,
  ColumnMeta,
  ColumnType,
  DatasetKind,
  DatasetRecord,
  DatasetRoles,
  PlanRecord,
  PlanVersionRecord,
  StoredColumnData,
} from './records';
export { isPackedText, packText, unpackText, type PackedText } from './packedText';
export {
  NewerFormatError,
  PlanNotFoundError,
  classifyStorageError,
  onOutdated,
  openDatabase,
  type OpenResult,
  type StorageErrorKind,
} from './errors';
export {
  createPlan,
  duplicatePlan,
  getPlan,
  getVersion,
  listDeletedPlans,
  listPlans,
  listVersions,
  markExported,
  purgeDeletedPlans,
  renamePlan,
  replacePlan,
  restorePlan,
  softDeletePlan,
  updatePlan,
  type PlanSummary,
  type PlanVersionSummary,
  type StoredRead,
} from './planRepository';
export {
  STAGING_STALE_AFTER_MS,
  commitStagedDataset,
  deleteDataset,
  discardStaged,
  findByContentHash,
  getDataset,
  listDatasets,
  readChunks,
  readColumn,
  saveDataset,
  stageChunks,
  sweepOrphanChunks,
  type NewDataset,
  type StagedChunk,
  type StagedDatasetMeta,
} from './datasetRepository';
export { getSetting, putSetting } from './settingsRepository';
export { observeDatasets, observePlan, observePlanList } from './live';
export { rolesProblem, setDatasetRoles, suggestRoles } from './datasetRoles';
export { estimateStorage, requestPersistence, type StorageEstimateBytes } from './quota';
