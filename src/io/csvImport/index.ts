// Public API of the streaming CSV import, used by the import worker.
export { describeIssue } from './issues';
export {
  DEFAULT_MAX_ISSUES,
  DEFAULT_MAX_RECORD_CHARS,
  PROGRESS_INTERVAL_MS,
  importCsv,
  type EngineOptions,
  type ImportHooks,
} from './importCsv';
export { PREVIEW_BYTES, PREVIEW_ROWS, SAMPLE_ROWS, previewFile } from './preview';
export { DEFAULT_SLICE_BYTES } from './sliceReader';
export { Sha256 } from '../sha256';
export { FATAL_ISSUES } from './types';
export type {
  BadRowPolicy,
  CancelFlag,
  ColumnSpec,
  ImportFormat,
  ImportIssue,
  ImportIssueKind,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportSink,
  PreviewColumn,
  PreviewOverrides,
  PreviewResult,
  RecordSeparator,
} from './types';
