// The client and the worker API talk over a real MessageChannel with Comlink, as the page and the worker do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { csvText } from '../io/csvImport/testing';
import { previewFile, type ImportOptions, type ImportProgress } from '../io/csvImport';
import { CxDatabase, createPlan, saveDataset, stageChunks } from '../storage';
import { samplePlan, uniqueDbName } from '../storage/fixtures/testing';
import { createAnalysisApi } from './analysisApi';
import { createImportApi } from './importApi';
import { createImportClient, type ImportClient, type WorkerLike } from './importClient';

let db: CxDatabase;
let planId: string;
let client: ImportClient;
let started: number;
const ports: MessagePort[] = [];

const rows = [['n', 'label', 'when'], ...Array.from({ length: 300 }, (_, i) => [String(i), `L${i % 3}`, '2024-05-01'])];
const file = new Blob([csvText(rows)]);

beforeEach(async () => {
  db = new CxDatabase(uniqueDbName('cx-client'));
  planId = (await createPlan(db, samplePlan())).id;
  started = 0;
  client = createImportClient(() => {
    started++;
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    expose(createImportApi(async () => db), port2);
    return Object.assign(port1, { terminate: () => port1.close() }) as unknown as WorkerLike;
  });
});

afterEach(async () => {
  client.dispose();
  for (const port of ports.splice(0)) port.close();
  await db.delete();
});

async function options(extra: Partial<ImportOptions> = {}): Promise<ImportOptions> {
  return {
    format: await previewFile(file),
    dataset: { planId, name: 'Survey', kind: 'survey', fileName: 'survey.csv' },
    onBadRow: 'stop',
    ...extra,
  };
}

describe('import client', () => {
  it('starts the worker on first use only, and previews as the engine does', async () => {
    expect(started).toBe(0);
    expect(await client.preview(file)).toEqual(await previewFile(file));
    await client.preview(file, { headerRowCount: 0 });
    expect(started).toBe(1);
  });

  it('imports with progress, then serves row windows and recognises the same file', async () => {
    const progress: ImportProgress[] = [];
    const result = await client.importFile(file, await options({ sliceBytes: 1024 }), {
      onProgress: (p) => progress.push(p),
    });
    if (result.status !== 'imported') throw new Error(JSON.stringify(result));
    expect(result.dataset.rowCount).toBe(300);
    // Progress messages are posted before the result, so all of them have arrived.
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(file.size / 1024));
    expect(progress.at(-1)).toMatchObject({ bytesRead: file.size, rows: 300 });

    const window = await client.readRows(result.dataset.id, 298, 10);
    const may1 = Date.UTC(2024, 4, 1);
    expect(window).toEqual({
      datasetId: result.dataset.id,
      start: 298,
      count: 2,
      rowCount: 300,
      columns: [Float64Array.of(298, 299), Int32Array.of(1, 2), Float64Array.of(may1, may1)],
    });

    expect((await client.findImported(planId, file))?.id).toBe(result.dataset.id);
    const sameSize = new Blob([csvText(rows).replace('L0', 'L9')]);
    expect(sameSize.size).toBe(file.size);
    expect(await client.findImported(planId, sameSize)).toBeNull();
    expect(await client.findImported(planId, new Blob(['n\n1\n']))).toBeNull();
  });

  it('cancels when the signal aborts, leaving nothing stored', async () => {
    const controller = new AbortController();
    const result = await client.importFile(file, await options({ sliceBytes: 256, chunkRows: 10 }), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rows > 100) controller.abort();
      },
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  it('does not start an import whose signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await client.importFile(file, await options(), { signal: controller.signal })).toEqual({
      status: 'cancelled',
    });
    expect(started).toBe(0);
  });

  it('reports a failure outside the file as an error result, storing nothing', async () => {
    const result = await client.importFile(file, {
      ...(await options()),
      dataset: { planId: 'deleted-plan', name: 'x', kind: 'survey', fileName: 'x.csv' },
    });
    expect(result).toEqual({ status: 'error', reason: 'unknown', message: 'No plan with id deleted-plan is stored.' });
    expect(await db.chunks.count()).toBe(0);
  });

  it('sweeps chunks an interrupted import left behind', async () => {
    await stageChunks(db, 'crashed', [{ column: 0, index: 0, data: Float64Array.of(1) }], 0);
    expect(await client.sweepOrphans()).toBe(1);
    expect(await db.chunks.count()).toBe(0);
  });

  it('fails pending calls when the worker dies, and starts a new worker for the next call', async () => {
    const dead = new EventTarget();
    const failing = createImportClient(() => {
      started++;
      return Object.assign(dead, { postMessage: () => undefined }) as unknown as WorkerLike;
    });
    const pending = failing.preview(file);
    dead.dispatchEvent(Object.assign(new Event('error'), { message: 'Failed to load module script' }));
    await expect(pending).rejects.toThrow('The import worker stopped: Failed to load module script.');
    void failing.preview(file).catch(() => undefined);
    expect(started).toBe(2);
    failing.dispose();
  });

  it('starts a new worker after dispose', async () => {
    await client.preview(file);
    client.dispose();
    await client.preview(file);
    expect(started).toBe(2);
  });
});

describe('analysis through the client', () => {
  it('brings key drivers of stored answers back across the worker boundary as plain numbers', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    expose(createAnalysisApi(async () => db), port2);
    const analysis = createImportClient(() => Object.assign(port1, { terminate: () => port1.close() }) as unknown as WorkerLike);
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const dataset = await saveDataset(
      db,
      { planId, name: 'Answers', kind: 'survey', fileName: 'a.csv', sizeBytes: 1, contentHash: 'h', chunkRows: 3, columns: [{ name: 'ltr', type: 'number' }, { name: 'csat', type: 'number' }] },
      [Float64Array.of(2, 3, 5, 4, 7, 8, 8, 10), x],
    );
    const summary = await analysis.keyDrivers({
      level: 'respondent',
      datasetId: dataset.id,
      outcome: { column: 0, name: 'likelihood to recommend' },
      drivers: [{ column: 1, name: 'CSAT' }],
    });
    analysis.dispose();
    if (!summary.ok) throw new Error(summary.reason);
    expect(summary.n).toBe(8);
    // One driver takes all of R², which is its squared correlation with the outcome.
    expect(summary.drivers[0]!.johnson.raw).toBeCloseTo(summary.rSquared, 14);
    expect(summary.drivers[0]!.r ** 2).toBeCloseTo(summary.rSquared, 14);
    expect(summary.drivers[0]!.shapley?.pct).toBeCloseTo(100, 12);
  });
});
