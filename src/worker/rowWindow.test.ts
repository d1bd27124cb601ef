// Row windows join the right slices of neighbouring chunks, clamp to the dataset and keep the chunk cache in budget.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CxDatabase, createPlan, deleteDataset, saveDataset } from '../storage';
import { samplePlan, uniqueDbName } from '../storage/fixtures/testing';
import type { DatasetRecord } from '../storage/records';
import { RowWindowReader } from './rowWindow';

let db: CxDatabase;
let dataset: DatasetRecord;
const rows = 23;
const numbers = Float64Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? NaN : i * 1.5));
const codes = Int32Array.from({ length: rows }, (_, i) => (i % 4) - 1);
const texts = Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? null : `row ${i}`));

beforeEach(async () => {
  db = new CxDatabase(uniqueDbName('cx-window'));
  const planId = (await createPlan(db, samplePlan())).id;
  dataset = await saveDataset(
    db,
    {
      planId,
      name: 'd',
      kind: 'survey',
      fileName: 'd.csv',
      sizeBytes: 1,
      contentHash: 'h',
      chunkRows: 4,
      columns: [
        { name: 'n', type: 'number' },
        { name: 'c', type: 'category', dictionary: ['a', 'b', 'c'] },
        { name: 't', type: 'text' },
      ],
    },
    [numbers, codes, texts],
  );
});

afterEach(async () => {
  await db.delete();
});

describe('RowWindowReader', () => {
  it('returns any window of every column exactly, across chunk boundaries and clamped to the rows stored', async () => {
    const reader = new RowWindowReader(async () => db);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3, max: 30 }), fc.integer({ min: 0, max: 30 }), async (start, count) => {
        const window = await reader.read(dataset.id, start, count);
        const from = Math.max(0, Math.min(start, rows));
        const to = Math.max(from, Math.min(from + count, rows));
        expect(window).toEqual({
          datasetId: dataset.id,
          start: from,
          count: to - from,
          rowCount: rows,
          columns: [numbers.slice(from, to), codes.slice(from, to), texts.slice(from, to)],
        });
      }),
      { numRuns: 100 },
    );
  });

  it('hands out fresh arrays, so transferring one leaves the cache intact', async () => {
    const reader = new RowWindowReader(async () => db);
    const first = await reader.read(dataset.id, 1, 2);
    (first!.columns[0] as Float64Array).fill(99);
    const again = await reader.read(dataset.id, 1, 2);
    expect(again!.columns[0]).toEqual(Float64Array.of(1.5, 3));
  });

  it('reads a chunk from storage once while it stays cached', async () => {
    const reader = new RowWindowReader(async () => db);
    await reader.read(dataset.id, 0, 8);
    await db.chunks.clear();
    expect((await reader.read(dataset.id, 2, 4))?.columns[2]).toEqual(['row 2', null, 'row 4', 'row 5']);
  });

  it('evicts the least recently used chunks beyond its memory budget', async () => {
    // Each number chunk holds 4 doubles (32 bytes); category 16 bytes; text about 8 bytes per row plus characters.
    const reader = new RowWindowReader(async () => db, 100);
    await reader.read(dataset.id, 0, 4);
    expect(reader.heldBytes).toBeLessThanOrEqual(100);
    await reader.read(dataset.id, 20, 3);
    expect(reader.heldBytes).toBeLessThanOrEqual(100);
    expect((await reader.read(dataset.id, 20, 3))?.columns[0]).toEqual(numbers.slice(20, 23));
  });

  it('answers null for a dataset that is not stored or was deleted', async () => {
    const reader = new RowWindowReader(async () => db);
    expect(await reader.read('nope', 0, 5)).toBeNull();
    await reader.read(dataset.id, 0, 4);
    await deleteDataset(db, dataset.id);
    expect(await reader.read(dataset.id, 0, 4)).toBeNull();
  });
});
