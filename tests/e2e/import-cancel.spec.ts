// Cancelling a large import mid-way: back to the preview within moments, and nothing of the file left in the database.
import { writeFileSync } from 'node:fs';
import { test, expect } from './support/test';
import { DataTab } from './pages/DataTab';
import { readStoredData } from './support/storage';

test.use({ locale: 'en-US' });

const BLOCK_ROWS = 10_000;
const BLOCKS = 120;
const ROWS = BLOCK_ROWS * BLOCKS;

/**
 * About 60 MB of daily KPI rows (a block of 10,000 distinct rows repeated), written under the test's output folder
 * so it is handed to the input by path rather than sent over the wire.
 */
function writeBigCsv(path: string): number {
  const regions = ['North', 'South', 'East', 'West'];
  const start = Date.UTC(2020, 0, 1);
  const lines: string[] = [];
  for (let i = 0; i < BLOCK_ROWS; i++) {
    const date = new Date(start + (i % 1826) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${date},${regions[i % 4]},${(10_000 + (i % 9973) * 1.37).toFixed(2)},${i % 613},${(i % 200) / 10 - 5},${70 + (i % 29) / 2},${300 + (i % 257)},${((i % 97) / 31).toFixed(3)}\n`);
  }
  const block = Buffer.from(lines.join(''), 'utf8');
  const header = Buffer.from('date,region,revenue,orders,nps,csat,aht_seconds,churn_rate\n', 'utf8');
  const bytes = Buffer.concat([header, ...Array.from({ length: BLOCKS }, () => block)]);
  writeFileSync(path, bytes);
  return bytes.length;
}

test('cancelling a 60 MB import returns to the preview and leaves no chunk, dataset or import mark stored', async ({ plans, page }) => {
  const path = test.info().outputPath('big-kpis.csv');
  const size = writeBigCsv(path);
  expect(size).toBeGreaterThan(58 * 1024 * 1024);

  await plans.goto();
  const workspace = await plans.createPlan('Big file plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);
  await data.choose(path);
  await expect(data.columnType('revenue')).toHaveValue('number');
  await data.kind.selectOption('timeseries');

  await data.startImport();
  await expect(data.progress).toBeVisible();
  await expect(data.progressText).toHaveText(/^[1-9][\d,]* rows · /);
  // Wait until the import has written part of the file, so the cancel has something to take back.
  await expect.poll(async () => (await readStoredData(page)).orphanChunks, { intervals: [50] }).toBeGreaterThan(0);
  const staged = await readStoredData(page);
  expect(staged.datasets).toEqual([]);
  expect(staged.stagingMarks).toBe(1);

  await data.cancelImportButton.click();
  await expect(data.importButton).toBeVisible();
  await expect(data.progress).toHaveCount(0);
  expect(await readStoredData(page)).toEqual({ datasets: [], chunks: 0, orphanChunks: 0, stagingMarks: 0 });
  await expect(data.emptyState).toBeVisible();

  // Nothing of the cancelled attempt counts as "already imported": importing again simply runs to the end.
  await data.startImport();
  expect(await data.acknowledge()).toBe('Imported “big-kpis”: 1,200,000 rows, 8 columns.');
  const stored = await readStoredData(page);
  expect(stored.datasets.map((d) => [d.name, d.rowCount, d.chunks])).toEqual([['big-kpis', ROWS, 8 * Math.ceil(ROWS / 65_536)]]);
  expect(stored.orphanChunks).toBe(0);
  expect(stored.stagingMarks).toBe(0);
});
