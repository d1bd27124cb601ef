// Bad CSV input: refused with a message naming the problem, or reported row by row with nothing stored until the user says.
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/test';
import { csvFile, DataTab, type CsvFile } from './pages/DataTab';
import { readStoredData } from './support/storage';

test.use({ locale: 'en-US' });

const NOTHING_STORED = { datasets: [], chunks: 0, orphanChunks: 0, stagingMarks: 0 };

const csv = (name: string): string => fileURLToPath(new URL(`files/csv/${name}`, import.meta.url));

/** The first bytes of a real PNG: signature and the start of its header chunk. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

const REFUSED: { what: string; file: CsvFile; message: string }[] = [
  {
    what: 'a PNG image named .csv',
    file: csvFile('photo.csv', PNG),
    message: 'This is not a text file: found “a PNG file”, expected a CSV text file (save spreadsheets as CSV first).',
  },
  {
    what: 'an empty file',
    file: csvFile('empty.csv', ''),
    message: 'The file is empty: found “0 bytes”, expected a header row and data rows.',
  },
  {
    what: 'a header without data rows',
    file: csvFile('header-only.csv', 'month,revenue\n'),
    message: 'The file has a header but no data rows: found “1 header row(s) and no data”, expected data rows below the header.',
  },
];

test.describe('refuses', () => {
  for (const { what, file, message } of REFUSED) {
    test(`${what} with a message naming the problem; Import stays disabled`, async ({ plans, page }) => {
      await plans.goto();
      const workspace = await plans.createPlan('Hostile plan');
      await workspace.goToTab('data');
      const data = new DataTab(page);

      await data.choose(file);
      await expect(data.previewIssues).toHaveText(message);
      await expect(data.importButton).toBeDisabled();
      await data.preview.getByRole('button', { name: 'Cancel' }).click();
      await expect(data.emptyState).toBeVisible();
      expect(await readStoredData(page)).toEqual(NOTHING_STORED);
    });
  }
});

test('text in a number column and a ragged row: "Nothing was stored" with rows and columns; skipping imports the rest', async ({ plans, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await plans.goto();
  const workspace = await plans.createPlan('Bad rows plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  await data.choose(csv('bad-rows.csv'));
  // The preview reads the sample the import will refuse: one cell is flagged in the revenue header.
  await expect(data.columnType('revenue')).toHaveValue('number');
  await expect(data.previewTable.locator('thead th').nth(1)).toContainText('1 not number');
  await expect(data.preview.getByText(/rows have a different number of fields/)).toHaveText(
    '1 of the first 12 rows have a different number of fields than the header.',
  );
  await data.startImport();

  await expect(data.invalidReport).toBeVisible();
  await expect(data.invalidReport.locator('strong')).toHaveText('Nothing was stored: 2 of 12 rows have problems.');
  await expect(data.invalidReport.getByRole('listitem')).toHaveText([
    'Row 4, column “revenue”: Not a number: found “twelve”, expected a number such as 1234.5, or a blank.',
    'Row 6: Wrong number of fields: found “2 fields: 2024-05,1040”, expected 4 fields, as in the header.',
  ]);
  expect(await readStoredData(page)).toEqual(NOTHING_STORED);

  await data.invalidReport.getByRole('button', { name: 'Skip the 2 bad rows and import the rest' }).click();
  expect(await data.acknowledge()).toBe('Imported “bad-rows”: 10 rows, 4 columns; 2 bad rows were left out.');
  expect(await data.datasetRowCount('bad-rows')).toBe(10);
  const stored = await readStoredData(page);
  expect(stored.datasets.map((d) => [d.name, d.rowCount])).toEqual([['bad-rows', 10]]);
  expect(stored.orphanChunks).toBe(0);

  // The rows left are the good ones, in file order; markup and formulas are shown as the text they are.
  await data.showRows('bad-rows');
  expect(await data.rowCells('bad-rows', 1)).toEqual({ month: '2024-01-01', revenue: '1,000', orders: '30', note: '<script>alert("x")</script>' });
  expect(await data.rowCells('bad-rows', 2)).toEqual({ month: '2024-02-01', revenue: '1,010', orders: '31', note: '=SUM(A1:A9)' });
  expect(await data.rowCells('bad-rows', 3)).toMatchObject({ month: '2024-04-01', revenue: '1,030' });
  expect(await data.rowCells('bad-rows', 4)).toMatchObject({ month: '2024-06-01', revenue: '1,050' });
  expect(await data.rowCells('bad-rows', 5)).toMatchObject({ note: '<img src=x onerror=alert(1)>' });
  await expect(page.locator('main script, img[src="x"], [onerror]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('cancelling the bad-rows report stores nothing and goes back to choosing a file', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Bad rows cancel plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  await data.choose(csv('bad-rows.csv'));
  await data.startImport();
  await data.invalidReport.getByRole('button', { name: 'Cancel' }).click();
  await expect(data.fileInput).toBeAttached();
  await expect(data.emptyState).toBeVisible();
  expect(await readStoredData(page)).toEqual(NOTHING_STORED);
});

test('a row with a stray extra field among the first rows is the only bad row, not every other one', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Stray comma plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  const lines = ['month,revenue,orders,note', ...Array.from({ length: 11 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')},${1000 + i},${30 + i},`)];
  lines[3] = '2024-03,1002,32,late, again';
  await data.choose(csvFile('stray-comma.csv', lines.join('\n') + '\n'));
  expect(Object.keys(await data.detectedTypes())).toEqual(['month', 'revenue', 'orders', 'note']);
  await data.startImport();
  await expect(data.invalidReport.locator('strong')).toHaveText('Nothing was stored: 1 of 11 rows have problems.', { timeout: 2_000 });
  await expect(data.invalidReport.getByRole('listitem')).toHaveText([
    'Row 4: Wrong number of fields: found “5 fields: 2024-03,1002,32,late, again”, expected 4 fields, as in the header.',
  ]);
});
