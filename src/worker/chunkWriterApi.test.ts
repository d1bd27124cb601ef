// Tests for the import's writer thread, run directly on fake-indexeddb: what it stores equals what the import staged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlan, CxDatabase, getDataset, readColumn, type StagedDatasetMeta } from '../storage';
import { samplePlan, uniqueDbName } from '../storage/fixtures/testing';
import { toWire } from './chunkTransport';
import { createChunkWriterApi } from './chunkWriterApi';

let db: CxDatabase;
let planId: string;

beforeEach(async () => {
  db = new CxDatabase(uniqueDbName());
  planId = (await createPlan(db, samplePlan())).id;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

function meta(rowCount: number): StagedDatasetMeta {
  return {
    planId,
    name: 'Survey',
    kind: 'survey',
    fileName: 'survey.csv',
    sizeBytes: 100,
    contentHash: 'sha256-4m:x',
    rowCount,
    chunkRows: 2,
    columns: [
      { name: 'score', type: 'number' },
      { name: 'comment', type: 'text' },
    ],
  };
}

describe('chunk writer', () => {
  it('stores staged and last chunks as one dataset whose columns read back as written', async () => {
    const writer = createChunkWriterApi(async () => db);
    const staged = [
      { column: 0, index: 0, data: Float64Array.of(9, NaN) },
      { column: 1, index: 0, data: ['Great', null] },
    ];
    await writer.stage('s-1', toWire(staged).wire);
    const last = [
      { column: 0, index: 1, data: Float64Array.of(3) },
      { column: 1, index: 1, data: ['"Slow", said one'] },
    ];
    const dataset = await writer.commit('s-1', meta(3), toWire(last).wire);
    expect(await getDataset(db, dataset.id)).toEqual(dataset);
    expect(await readColumn(db, dataset.id, 0)).toEqual(Float64Array.of(9, NaN, 3));
    expect(await readColumn(db, dataset.id, 1)).toEqual(['Great', null, '"Slow", said one']);
  });

  it('discards what was staged', async () => {
    const writer = createChunkWriterApi(async () => db);
    await writer.stage('s-2', toWire([{ column: 0, index: 0, data: Float64Array.of(1, 2) }]).wire);
    await writer.discard('s-2');
    expect(await db.chunks.where('datasetId').equals('s-2').count()).toBe(0);
  });

  it('names a full disk QuotaExceededError even when it surfaces inside another error', async () => {
    const writer = createChunkWriterApi(async () => db);
    const quota = new DOMException('full', 'QuotaExceededError');
    vi.spyOn(db.chunks, 'bulkAdd').mockRejectedValue(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota }));
    const failure = writer.stage('s-3', toWire([{ column: 0, index: 0, data: Float64Array.of(1) }]).wire);
    await expect(failure).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });
});
