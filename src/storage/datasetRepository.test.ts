// Behaviour of dataset storage: columnar chunking round-trips exactly, and writes are all-or-nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CxDatabase } from './db';
import { PlanNotFoundError } from './errors';
import { createPlan } from './planRepository';
import {
  deleteDataset,
  findByContentHash,
  listDatasets,
  readColumn,
  saveDataset,
  type NewDataset,
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
