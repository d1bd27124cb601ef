// Behaviour of dataset storage: columnar chunking round-trips exactly, and writes are all-or-nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CxDatabase } from './db';
import { PlanNotFoundError } from './errors';
import { createPlan } from './planRepository';
import {
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
  type StagedDatasetMeta,
} from './datasetRepository';
import { samplePlan, uniqueDbName } from './fixtures/testing';
import type { ColumnData, ColumnMeta } from './records';

let db: CxDatabase;
let planId: string;

beforeEach(async () => {
  db = new CxDatabase(uniqueDbName());
  planId = (await createPlan(db, samplePlan())).id;
});

afterEach(async () => {
  await db.delete();
});

function meta(columns: ColumnMeta[], extra: Partial<NewDataset> = {}): NewDataset {
  return {
    planId,
    name: 'Monthly KPIs',
    kind: 'timeseries',
    fileName: 'monthly_kpis.csv',
    sizeBytes: 1234,
    contentHash: 'sha256:abc',
    columns,
    ...extra,
  };
}

const columnArb: fc.Arbitrary<{ meta: ColumnMeta; make: (rows: number) => fc.Arbitrary<ColumnData> }> = fc.constantFrom(
  {
    meta: { name: 'value', type: 'number' as const },
    make: (rows: number) =>
      fc.array(fc.double(), { minLength: rows, maxLength: rows }).map((v) => Float64Array.from(v)),
  },
  {
    meta: { name: 'month', type: 'date' as const },
    make: (rows: number) =>
      fc
        .array(fc.oneof(fc.integer({ min: -8.64e12, max: 8.64e12 }), fc.constant(NaN)), {
          minLength: rows,
          maxLength: rows,
        })
        .map((v) => Float64Array.from(v)),
  },
  {
    meta: { name: 'segment', type: 'category' as const, dictionary: ['B2B', 'B2C', 'Gov'] },
    make: (rows: number) =>
      fc.array(fc.integer({ min: -1, max: 2 }), { minLength: rows, maxLength: rows }).map((v) => Int32Array.from(v)),
  },
  {
    meta: { name: 'comment', type: 'text' as const },
    make: (rows: number) => fc.array(fc.option(fc.string(), { nil: null }), { minLength: rows, maxLength: rows }),
  },
);

describe('saveDataset and readColumn', () => {
  it('read back every column exactly, NaN, -1 and null included, for any row count and chunk size', async () => {
    const datasetArb = fc
      .record({
        rows: fc.integer({ min: 0, max: 40 }),
        chunkRows: fc.integer({ min: 1, max: 9 }),
        kinds: fc.array(columnArb, { minLength: 1, maxLength: 4 }),
      })
      .chain(({ rows, chunkRows, kinds }) =>
        fc.record({
          chunkRows: fc.constant(chunkRows),
          columns: fc.constant(kinds.map((k) => k.meta)),
          values: fc.tuple(...kinds.map((k) => k.make(rows))),
        }),
      );

    await fc.assert(
      fc.asyncProperty(datasetArb, async ({ chunkRows, columns, values }) => {
        const record = await saveDataset(db, meta(columns, { chunkRows }), values);
        for (const [i, expected] of values.entries()) {
          const actual = await readColumn(db, record.id, i);
          expect(actual?.constructor).toBe(expected.constructor);
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('splits each column into chunks of chunkRows with a shorter last chunk', async () => {
    const record = await saveDataset(db, meta([{ name: 'nps', type: 'number' }], { chunkRows: 4 }), [
      Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
    ]);
    const chunks = await db.chunks.where('datasetId').equals(record.id).toArray();
    expect(chunks.map((c) => [c.column, c.index, Array.from(c.data as Float64Array)])).toEqual([
      [0, 0, [1, 2, 3, 4]],
      [0, 1, [5, 6, 7, 8]],
      [0, 2, [9, 10]],
    ]);
    // Each chunk owns its bytes rather than a view on the whole column.
    expect(chunks.map((c) => (c.data as Float64Array).buffer.byteLength)).toEqual([32, 32, 16]);
    expect(record).toMatchObject({ rowCount: 10, chunkRows: 4 });
  });

  it('uses 65,536-row chunks by default', async () => {
    const values = new Float64Array(65_537).map((_, i) => i);
    const record = await saveDataset(db, meta([{ name: 'n', type: 'number' }]), [values]);
    expect(record.chunkRows).toBe(65_536);
    expect(await db.chunks.count()).toBe(2);
    expect(await readColumn(db, record.id, 0)).toEqual(values);
  });

  it('refuses columns of different lengths or of the wrong kind, writing nothing', async () => {
    const cols: ColumnMeta[] = [{ name: 'a', type: 'number' }, { name: 'b', type: 'category', dictionary: ['x'] }];
    await expect(saveDataset(db, meta(cols), [Float64Array.of(1, 2), Int32Array.of(0)])).rejects.toThrow(RangeError);
    await expect(saveDataset(db, meta(cols), [Float64Array.of(1), Float64Array.of(0)])).rejects.toThrow(TypeError);
    await expect(saveDataset(db, meta(cols), [Float64Array.of(1)])).rejects.toThrow(RangeError);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  it('refuses a dataset for a plan that does not exist', async () => {
    await expect(
      saveDataset(db, meta([{ name: 'a', type: 'number' }], { planId: 'ghost' }), [Float64Array.of(1)]),
    ).rejects.toBeInstanceOf(PlanNotFoundError);
    expect(await db.chunks.count()).toBe(0);
  });

  it('returns undefined for an unknown dataset or column', async () => {
    const record = await saveDataset(db, meta([{ name: 'a', type: 'number' }]), [Float64Array.of(1)]);
    expect(await readColumn(db, 'missing', 0)).toBeUndefined();
    expect(await readColumn(db, record.id, 1)).toBeUndefined();
  });
});

describe('listDatasets, findByContentHash and deleteDataset', () => {
  it('finds datasets by plan and by content hash within the plan only', async () => {
    const other = (await createPlan(db, samplePlan())).id;
    const a = await saveDataset(db, meta([{ name: 'a', type: 'text' }], { contentHash: 'h1' }), [['x']]);
    await saveDataset(db, meta([{ name: 'a', type: 'text' }], { contentHash: 'h1', planId: other }), [['x']]);

    expect((await listDatasets(db, planId)).map((d) => d.id)).toEqual([a.id]);
    expect((await findByContentHash(db, planId, 'h1'))?.id).toBe(a.id);
    expect(await findByContentHash(db, planId, 'h2')).toBeUndefined();
  });

  it('deletes a dataset together with its chunks and leaves other datasets intact', async () => {
    const a = await saveDataset(db, meta([{ name: 'a', type: 'number' }], { chunkRows: 1 }), [
      Float64Array.of(1, 2, 3),
    ]);
    const b = await saveDataset(db, meta([{ name: 'b', type: 'number' }], { chunkRows: 1 }), [Float64Array.of(4, 5)]);
    await deleteDataset(db, a.id);
    expect(await db.datasets.get(a.id)).toBeUndefined();
    expect(await db.chunks.where('datasetId').equals(a.id).count()).toBe(0);
    expect(await readColumn(db, b.id, 0)).toEqual(Float64Array.of(4, 5));
  });
});

describe('staged imports', () => {
  const numberColumns: ColumnMeta[] = [
    { name: 'nps', type: 'number' },
    { name: 'region', type: 'category', dictionary: ['N', 'S'] },
  ];

  function stagedMeta(rowCount: number, extra: Partial<StagedDatasetMeta> = {}): StagedDatasetMeta {
    return { ...meta(numberColumns), rowCount, chunkRows: 2, ...extra };
  }

  it('keeps staged chunks invisible until the commit, then reads them back joined with the last chunks', async () => {
    await stageChunks(db, 'stage-1', [
      { column: 0, index: 0, data: Float64Array.of(1, 2) },
      { column: 1, index: 0, data: Int32Array.of(0, 1) },
    ]);
    expect(await listDatasets(db, planId)).toEqual([]);
    expect(await readColumn(db, 'stage-1', 0)).toBeUndefined();

    const record = await commitStagedDataset(db, 'stage-1', stagedMeta(3), [
      { column: 0, index: 1, data: Float64Array.of(NaN) },
      { column: 1, index: 1, data: Int32Array.of(-1) },
    ]);
    expect(record).toMatchObject({ id: 'stage-1', rowCount: 3, chunkRows: 2, planId });
    expect((await listDatasets(db, planId)).map((d) => d.id)).toEqual(['stage-1']);
    expect(await readColumn(db, 'stage-1', 0)).toEqual(Float64Array.of(1, 2, NaN));
    expect(await readColumn(db, 'stage-1', 1)).toEqual(Int32Array.of(0, 1, -1));
    expect(await db.settings.count()).toBe(0);
  });

  it('refuses to commit when a staged chunk is missing, storing nothing of the commit', async () => {
    await stageChunks(db, 'stage-2', [{ column: 0, index: 0, data: Float64Array.of(1, 2) }]);
    await expect(
      commitStagedDataset(db, 'stage-2', stagedMeta(3), [
        { column: 0, index: 1, data: Float64Array.of(3) },
        { column: 1, index: 1, data: Int32Array.of(0) },
      ]),
    ).rejects.toThrow(/3 chunks are staged, 4 expected/);
    expect(await getDataset(db, 'stage-2')).toBeUndefined();
    expect(await db.chunks.count()).toBe(1);
  });

  it('refuses a last chunk whose values do not fit the column type', async () => {
    await expect(
      commitStagedDataset(db, 'stage-3', stagedMeta(1), [{ column: 0, index: 0, data: Int32Array.of(1) }]),
    ).rejects.toThrow(TypeError);
    expect(await db.datasets.count()).toBe(0);
  });

  it('refuses to commit into a plan that does not exist', async () => {
    await expect(
      commitStagedDataset(db, 'stage-4', stagedMeta(1, { planId: 'ghost' }), [
        { column: 0, index: 0, data: Float64Array.of(1) },
        { column: 1, index: 0, data: Int32Array.of(0) },
      ]),
    ).rejects.toBeInstanceOf(PlanNotFoundError);
    expect(await db.chunks.count()).toBe(0);
  });

  it('discards a staging completely, and never touches a committed dataset of the same id', async () => {
    await stageChunks(db, 'gone', [{ column: 0, index: 0, data: Float64Array.of(1, 2) }]);
    await discardStaged(db, 'gone');
    expect(await db.chunks.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);

    const kept = await saveDataset(db, meta([{ name: 'a', type: 'number' }]), [Float64Array.of(5)]);
    await discardStaged(db, kept.id);
    expect(await readColumn(db, kept.id, 0)).toEqual(Float64Array.of(5));
  });

  it('refuses to stage chunks under the id of a committed dataset', async () => {
    const kept = await saveDataset(db, meta([{ name: 'a', type: 'number' }]), [Float64Array.of(5)]);
    await expect(stageChunks(db, kept.id, [{ column: 0, index: 1, data: Float64Array.of(6) }])).rejects.toThrow(
      /already a stored dataset/,
    );
    expect(await db.chunks.count()).toBe(1);
  });

  it('sweeps chunks left by a crashed import but spares live imports and committed datasets', async () => {
    const now = 1_700_000_000_000;
    const kept = await saveDataset(db, meta([{ name: 'a', type: 'number' }], { chunkRows: 1 }), [
      Float64Array.of(1, 2),
    ]);
    const staleTime = now - STAGING_STALE_AFTER_MS - 1;
    await stageChunks(db, 'crashed', [{ column: 0, index: 0, data: Float64Array.of(1) }], staleTime);
    await stageChunks(db, 'running', [{ column: 0, index: 0, data: Float64Array.of(2) }], now - 1000);
    // Chunks without any staging mark: written by an app version that did not mark its imports.
    await db.chunks.bulkAdd([
      { datasetId: 'unmarked', column: 0, index: 0, data: Float64Array.of(3) },
      { datasetId: 'unmarked', column: 1, index: 0, data: Float64Array.of(4) },
    ]);

    expect(await sweepOrphanChunks(db, { now })).toBe(3);
    const owners = (await db.chunks.orderBy('datasetId').uniqueKeys()) as string[];
    expect(owners.sort()).toEqual([kept.id, 'running'].sort());
    expect((await db.settings.toArray()).map((s) => s.key)).toEqual(['import-staging:running']);
    expect(await readColumn(db, kept.id, 0)).toEqual(Float64Array.of(1, 2));
  });

  it('reads a range of chunks of one column in order', async () => {
    const record = await saveDataset(db, meta([{ name: 'a', type: 'number' }], { chunkRows: 2 }), [
      Float64Array.of(1, 2, 3, 4, 5),
    ]);
    const chunks = await readChunks(db, record.id, 0, 1, 2);
    expect(chunks.map((c) => [c.index, Array.from(c.data as Float64Array)])).toEqual([
      [1, [3, 4]],
      [2, [5]],
    ]);
    expect(await readChunks(db, record.id, 1, 0, 2)).toEqual([]);
  });

  it('staged and committed columns read back exactly for any row count, chunk size and split point', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.double(), fc.constant(NaN)), { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (values, chunkRows) => {
          const id = crypto.randomUUID();
          const chunks = [];
          for (let start = 0, index = 0; start < values.length; start += chunkRows, index++) {
            chunks.push({ column: 0, index, data: Float64Array.from(values.slice(start, start + chunkRows)) });
          }
          const last = chunks.pop();
          if (chunks.length > 0) await stageChunks(db, id, chunks);
          await commitStagedDataset(
            db,
            id,
            { ...meta([{ name: 'v', type: 'number' }]), rowCount: values.length, chunkRows },
            last === undefined ? [] : [last],
          );
          expect(await readColumn(db, id, 0)).toEqual(Float64Array.from(values));
        },
      ),
      { numRuns: 40 },
    );
  });
});
