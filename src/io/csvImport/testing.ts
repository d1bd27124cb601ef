// Test helpers for the import engine: a throw-away database with a plan, a sink that stages into it, and shortcuts
// that preview and import text or bytes the way the worker does.
import { CxDatabase, DEFAULT_CHUNK_ROWS } from '../../storage/db';
import { commitStagedDataset, discardStaged, readColumn, stageChunks } from '../../storage/datasetRepository';
import { createPlan } from '../../storage/planRepository';
import { samplePlan, uniqueDbName } from '../../storage/fixtures/testing';
import type { ColumnData } from '../../storage/records';
import { importCsv, type EngineOptions, type ImportHooks } from './importCsv';
import { previewFile } from './preview';
import type { ImportResult, ImportSink, PreviewOverrides, PreviewResult } from './types';

export interface TestStore {
  db: CxDatabase;
  planId: string;
}

export async function openTestStore(): Promise<TestStore> {
  const db = new CxDatabase(uniqueDbName('cx-import'));
  const planId = (await createPlan(db, samplePlan())).id;
  return { db, planId };
}

/** Stages into the database under a fresh id, as the worker's sink does. */
export function stagingSink(db: CxDatabase, stagingId: string = crypto.randomUUID()): ImportSink {
  return {
    stage: (chunks) => stageChunks(db, stagingId, chunks),
    commit: (meta, lastChunks) => commitStagedDataset(db, stagingId, meta, lastChunks),
    discard: () => discardStaged(db, stagingId),
  };
}

/** The bytes of a fixture in ../shared/fixtures, read relative to the project root. */
export async function fixtureBytes(name: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises');
  return new Uint8Array(await readFile(new URL(`../../../../shared/fixtures/${name}`, import.meta.url)));
}

export function blobOf(content: string | Uint8Array): Blob {
  return new Blob([typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content)]);
}

export interface ImportRunOptions extends Partial<Omit<EngineOptions, 'format' | 'dataset'>> {
  overrides?: PreviewOverrides;
  hooks?: ImportHooks;
  /** Replaces parts of the previewed format before importing. */
  adjust?: (preview: PreviewResult) => PreviewResult;
}

/** Previews then imports, the way the UI drives the worker; returns both and the stored columns when imported. */
export async function previewAndImport(
  store: TestStore,
  content: string | Uint8Array | Blob,
  options: ImportRunOptions = {},
): Promise<{ preview: PreviewResult; result: ImportResult; columns: ColumnData[] }> {
  const blob = content instanceof Blob ? content : blobOf(content);
  const previewed = await previewFile(blob, options.overrides);
  const preview = options.adjust ? options.adjust(previewed) : previewed;
  const { overrides: _overrides, hooks, adjust: _adjust, ...rest } = options;
  const result = await importCsv(
    blob,
    {
      format: preview,
      dataset: { planId: store.planId, name: 'Test data', kind: 'survey', fileName: 'test.csv' },
      onBadRow: 'stop',
      chunkRows: DEFAULT_CHUNK_ROWS,
      ...rest,
    },
    stagingSink(store.db),
    hooks,
  );
  const columns: ColumnData[] = [];
  if (result.status === 'imported') {
    for (let k = 0; k < result.dataset.columns.length; k++) {
      const column = await readColumn(store.db, result.dataset.id, k);
      if (column === undefined) throw new Error(`Column ${k} was not stored.`);
      columns.push(column);
    }
  }
  return { preview, result, columns };
}

/** Category codes turned back into their labels (null for missing). */
export function labels(codes: ColumnData, dictionary: readonly string[] | undefined): (string | null)[] {
  return Array.from(codes as Int32Array, (code) => (code < 0 ? null : (dictionary?.[code] ?? null)));
}

/** One CSV record, quoting the fields that need it (RFC 4180). */
export function csvRecord(fields: readonly string[], delimiter = ','): string {
  return fields
    .map((field) => (/["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replaceAll('"', '""')}"` : field))
    .join(delimiter);
}

/** A whole CSV text from rows of fields. */
export function csvText(rows: readonly (readonly string[])[], delimiter = ',', lineBreak = '\r\n'): string {
  return rows.map((row) => csvRecord(row, delimiter) + lineBreak).join('');
}
