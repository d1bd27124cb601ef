// Importing CSV files into a plan: detection, survey scores against R's figures, series charts, files as tools export them.
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { test, expect } from './support/test';
import { csvFile, DataTab } from './pages/DataTab';
import { MetricsTab } from './pages/MetricsTab';
import { readStoredData } from './support/storage';
import { en1, enCount, MONTHLY_KPIS_CSV, npsGroups, surveyTruth, SURVEY_CSV } from './support/surveyReference';

const csv = (name: string): string => fileURLToPath(new URL(`files/csv/${name}`, import.meta.url));

// Figures are checked as an en-US reader sees them; pinned so a machine set to another language gives the same text.
test.use({ locale: 'en-US' });

test('survey responses: detected types, 4,000 rows, NPS overall, per month and per region as R computes them', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Survey plan');
  await workspace.goToTab('data');
  expect(await page.evaluate(() => [navigator.language, new Intl.NumberFormat().resolvedOptions().locale])).toEqual(['en-US', 'en-US']);
  const data = new DataTab(page);

  await data.choose(SURVEY_CSV);
  expect(await data.detectedTypes()).toEqual({
    response_id: 'text',
    submitted: 'date',
    region: 'category',
    channel: 'category',
    likelihood_to_recommend: 'number',
    csat: 'number',
    effort: 'number',
    comment: 'text',
  });
  await expect(data.kind).toHaveValue('survey');
  await data.startImport();
  expect(await data.acknowledge()).toBe('Imported “survey_responses”: 4,000 rows, 8 columns.');

  const name = 'survey_responses';
  await expect(data.datasetSummary(name)).toContainText('4,000 rows · 8 columns');
  expect(await data.datasetRowCount(name)).toBe(4000);

  // The app never takes a 0–10 column for the NPS item by itself: it asks.
  await expect(data.surveyItem(name, 'nps')).toHaveValue('');
  await data.useAsNpsButton(name).click();
  await expect.poll(() => data.selectedText(data.surveyItem(name, 'nps'))).toBe('likelihood_to_recommend');
  await expect(data.useAsNpsButton(name)).toHaveCount(0);

  const truth = surveyTruth();
  await expect(data.headline(name)).toContainText(`${en1(truth.overall.nps.nps)} NPS`);
  await expect(data.headline(name)).toContainText(`n = ${enCount(truth.overall.nps.n)}`);
  expect(en1(truth.overall.nps.nps)).toBe('2.9');
  await expect(data.headline(name)).toContainText(`${en1(truth.overall.csat.csat_top2_pct)} % CSAT (top-2 box)`);

  await expect(data.granularity(name)).toHaveValue('month');
  expect(await data.surveyHeaders(name)).toEqual(['Period', 'NPS', '95 % CI', 'n', 'CSAT %', '95 % CI', 'CES', '95 % CI']);
  await expect(data.surveyTable(name).locator('tbody tr')).toHaveCount(12);
  const perMonth = (await data.surveyRows(name)).map(([period, score, , n]) => [period, score, n]);
  expect(perMonth).toEqual(Object.entries(truth.by_month).map(([month, m]) => [month, en1(m.nps), enCount(m.n)]));

  // Split by region: each month's pooled row, then one row per region, each pooled from its own responses.
  const groups = npsGroups();
  for (const [region, r] of Object.entries(truth.by_region)) {
    expect(groups.byRegion.get(region)?.n, `${region}: n`).toBe(r.n);
    expect(groups.byRegion.get(region)?.nps, `${region}: NPS`).toBeCloseTo(r.nps, 9);
  }
  for (const [month, m] of Object.entries(truth.by_month)) expect(groups.byMonth.get(month)?.nps).toBeCloseTo(m.nps, 9);

  await data.surveySplit(name).selectOption({ label: 'region' });
  await expect(data.surveyTable(name)).toHaveAccessibleName('Survey scores per month and region');
  await expect(data.surveyTable(name).locator('tbody tr')).toHaveCount(12 * 5);
  const perRegion = (await data.surveyRows(name)).map(([period, segment, score, , n]) => [period, segment, score, n]);
  const expected = Object.entries(truth.by_month).flatMap(([month, m]) => [
    [month, 'all', en1(m.nps), enCount(m.n)],
    ...Object.keys(truth.by_region)
      .sort()
      .map((region) => {
        const cell = groups.byMonthAndRegion.get(`${month}|${region}`);
        return [month, region, en1(cell?.nps ?? Number.NaN), enCount(cell?.n ?? 0)];
      }),
  ]);
  expect(perRegion).toEqual(expected);

  // Over the whole period, each region's NPS is R's by_region figure, pooled from that region's responses.
  await data.granularity(name).selectOption({ label: 'whole period' });
  await expect(data.surveyTable(name)).toHaveAccessibleName('Survey scores over the whole period and region');
  await expect(data.surveyTable(name).locator('tbody tr')).toHaveCount(1 + 4);
  const wholePeriod = (await data.surveyRows(name)).map(([period, segment, score, , n]) => [period, segment, score, n]);
  expect(wholePeriod).toEqual([
    ['whole period', 'all', en1(truth.overall.nps.nps), enCount(truth.overall.nps.n)],
    ...Object.entries(truth.by_region).map(([region, r]) => ['whole period', region, en1(r.nps), enCount(r.n)]),
  ]);

  // Imported text is shown as text: markup and spreadsheet formulas in comments stay literal and run nothing.
  await data.showRows(name);
  expect(await data.rowHeaders(name)).toEqual(['response_id', 'submitted', 'region', 'channel', 'likelihood_to_recommend', 'csat', 'effort', 'comment']);
  expect(await data.rowCells(name, 1)).toEqual({
    response_id: 'R_2026112200000',
    submitted: '2024-10-05',
    region: 'East',
    channel: 'Email',
    likelihood_to_recommend: '',
    csat: '5',
    effort: '3',
    comment: 'He said "fine", then left',
  });
  expect((await data.rowCells(name, 43)).comment).toBe('=HYPERLINK("http://x","y")');
  expect((await data.rowCells(name, 64)).comment).toBe('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"], [onerror]')).toHaveCount(0);
});

test('monthly KPIs: 60 rows, a chart of the chosen metric, and a column mapped to a plan metric survives a reload', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('KPI plan');
  await workspace.goToTab('metrics');
  await new MetricsTab(page).addFromLibrary('Net Promoter Score');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  await data.choose(MONTHLY_KPIS_CSV);
  expect(await data.detectedTypes()).toEqual({
    month: 'date',
    revenue: 'number',
    nps: 'number',
    csat: 'number',
    ces: 'number',
    fcr: 'number',
    aht_seconds: 'number',
    churn_rate: 'number',
    conversion_rate: 'number',
  });
  await expect(data.dateFormat('month')).toHaveValue('iso-month');
  // Said explicitly: the app's guess for this file is covered by the next test.
  await data.kind.selectOption('timeseries');
  await data.datasetName.fill('Finance KPIs');
  await data.startImport();
  expect(await data.acknowledge()).toBe('Imported “Finance KPIs”: 60 rows, 9 columns.');
  expect(await data.datasetRowCount('Finance KPIs')).toBe(60);

  // With nothing mapped yet the chart shows the first number column; choosing another redraws it.
  await expect(data.chart('Finance KPIs').getByRole('img')).toHaveAccessibleName('revenue per month: revenue over 60 periods from 2020-01 to 2024-12');
  await data.seriesMetric('Finance KPIs').selectOption({ label: 'churn_rate' });
  await expect(data.chart('Finance KPIs').locator('figcaption')).toHaveText('churn_rate per month');
  await expect.poll(() => canvasHasInk(data.chartCanvas('Finance KPIs'))).toBe(true);

  await data.metricMapping('Finance KPIs', 'nps').selectOption({ label: 'NPS — Net Promoter Score' });
  await expect(data.seriesMetric('Finance KPIs').locator('option', { hasText: 'NPS (nps)' })).toHaveCount(1);
  await data.seriesMetric('Finance KPIs').selectOption({ label: 'NPS (nps)' });
  await expect(data.chart('Finance KPIs').locator('figcaption')).toHaveText('NPS (nps) per month');

  await page.reload();
  await expect(data.dataset('Finance KPIs')).toBeVisible();
  await expect.poll(() => data.selectedText(data.metricMapping('Finance KPIs', 'nps'))).toBe('NPS — Net Promoter Score');
  // A mapped column is what the chart shows first.
  await expect(data.chart('Finance KPIs').locator('figcaption')).toHaveText('NPS (nps) per month');
  await expect.poll(() => canvasHasInk(data.chartCanvas('Finance KPIs'))).toBe(true);
});

test('a monthly KPI export with nps, csat and ces score columns is proposed as a metric time series', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('KPI guess plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);
  await data.choose(MONTHLY_KPIS_CSV);
  await expect(data.kind).toHaveValue('timeseries', { timeout: 2_000 });
});

/** True once Chart.js has drawn on the canvas: some pixel is not transparent. */
function canvasHasInk(canvas: Locator): Promise<boolean> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    if (c.width === 0 || c.height === 0) return false;
    const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    return pixels !== undefined && pixels.some((value, i) => i % 4 === 3 && value > 0);
  });
}

test('a European Excel export (BOM, semicolons, decimal commas, CRLF, 31.01.2024) reads back as the numbers it holds', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Excel plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  // Records end in CRLF; a line break typed inside a cell (Alt+Enter) is a bare LF, as Excel writes it.
  const lines = [
    'Datum;Region;Umsatz;Marge;Kommentar',
    '31.01.2024;Nord;1.234,5;12,5;"Preis; zu hoch"',
    '29.02.2024;Süd;-7,25;0,5;',
    '31.03.2024;Nord;1.000.000,75;;"zwei\nZeilen"',
    '30.04.2024;West;0;3,25;ok',
  ];
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
  await data.choose(csvFile('umsatz-export.csv', bytes));

  await expect(data.separator).toHaveValue(';');
  await expect.poll(() => data.selectedText(data.separator)).toBe('semicolon ;');
  await expect(data.decimal).toHaveValue(',');
  await expect.poll(() => data.selectedText(data.decimal)).toBe('comma 1,5');
  await expect(data.preview).toContainText('UTF-8');
  await expect(data.columnType('Datum')).toHaveValue('date');
  await expect(data.dateFormat('Datum')).toHaveValue('dmy');
  await expect(data.columnType('Umsatz')).toHaveValue('number');
  await expect(data.columnType('Marge')).toHaveValue('number');
  // The byte-order mark is not part of the first column's name.
  expect(Object.keys(await data.detectedTypes())).toEqual(['Datum', 'Region', 'Umsatz', 'Marge', 'Kommentar']);

  await data.startImport();
  expect(await data.acknowledge()).toBe('Imported “umsatz-export”: 4 rows, 5 columns.');
  await data.showRows('umsatz-export');
  expect(await data.rowCells('umsatz-export', 1)).toEqual({ Datum: '2024-01-31', Region: 'Nord', Umsatz: '1,234.5', Marge: '12.5', Kommentar: 'Preis; zu hoch' });
  expect(await data.rowCells('umsatz-export', 2)).toEqual({ Datum: '2024-02-29', Region: 'Süd', Umsatz: '-7.25', Marge: '0.5', Kommentar: '' });
  expect(await data.rowCells('umsatz-export', 3)).toEqual({ Datum: '2024-03-31', Region: 'Nord', Umsatz: '1,000,000.75', Marge: '', Kommentar: 'zwei\nZeilen' });
  expect(await data.rowCells('umsatz-export', 4)).toEqual({ Datum: '2024-04-30', Region: 'West', Umsatz: '0', Marge: '3.25', Kommentar: 'ok' });
});

test('a Qualtrics export: three header rows recognised, question text kept, data from the fourth line', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Qualtrics plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  await data.choose(csv('qualtrics-export.csv'));
  await expect(data.preview).toContainText('Qualtrics export (3 header rows)');
  await expect(data.headerRows).toHaveValue('3');
  expect(Object.keys(await data.detectedTypes())).toEqual(['StartDate', 'EndDate', 'Status', 'ResponseId', 'Q1', 'Q2', 'Q3']);
  await expect(data.previewTable.locator('thead th').nth(4).locator('.colname')).toHaveAttribute(
    'title',
    'How likely are you to recommend Contoso to a friend or colleague?',
  );
  const rows = await data.previewRows();
  expect(rows[0]).toEqual(['2024-03-01 09:15:02', '2024-03-01 09:17:40', 'IP Address', 'R_1a2b3c4d5e6f7g8', '9', '5', 'Quick, friendly']);
  expect(rows).toHaveLength(8);
  await expect(data.columnType('StartDate')).toHaveValue('date');
  await expect(data.columnType('Q1')).toHaveValue('number');
  await expect(data.kind).toHaveValue('survey');

  await data.startImport();
  expect(await data.acknowledge()).toBe('Imported “qualtrics-export”: 8 rows, 7 columns.');
  await data.showRows('qualtrics-export');
  expect(await data.rowCells('qualtrics-export', 3)).toMatchObject({ StartDate: '2024-03-02 08:40', Q1: '6', Q3: 'Waited 40 minutes,\non hold twice' });
  expect(await data.rowCells('qualtrics-export', 5)).toMatchObject({ Q1: '', Q2: '4' });
});

test('a SurveyMonkey export: two header rows, option columns named after their question, US dates read month first', async ({
  plans,
  page,
}) => {
  await plans.goto();
  const workspace = await plans.createPlan('SurveyMonkey plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);

  await data.choose(csv('surveymonkey-export.csv'));
  await expect(data.preview).toContainText('SurveyMonkey export (2 header rows)');
  await expect(data.headerRows).toHaveValue('2');
  const types = await data.detectedTypes();
  expect(Object.keys(types)).toContain('Which channels did you use to contact us? – Chat');
  expect(types['How likely is it that you would recommend Contoso to a friend or colleague?']).toBe('number');
  // 03/01/2024 … 03/04/2024 could be either order: the preview asks, and the user says month first.
  await expect(data.preview.getByText('day or month first?').first()).toBeVisible();
  await data.dateFormat('Start Date').selectOption('mdy');
  await expect(data.dateFormat('Start Date')).toHaveValue('mdy');
  await expect(data.kind).toHaveValue('survey');

  await data.startImport();
  expect(await data.acknowledge()).toBe('Imported “surveymonkey-export”: 6 rows, 15 columns.');
  await data.showRows('surveymonkey-export');
  expect(await data.rowCells('surveymonkey-export', 3)).toMatchObject({
    // The line break inside the quoted answer is kept as the file has it (CRLF, as every line of this export).
    'Is there anything else you would like to tell us?': 'Waited 40 minutes,\r\non hold twice',
    'Which channels did you use to contact us? – Email': 'Email',
  });
  // 02:10:45 PM is 14:10, on 2 March (month first), not 3 February.
  expect(await data.rowCells('surveymonkey-export', 4)).toMatchObject({ 'Start Date': '2024-03-02 14:10' });
  expect(await data.rowCells('surveymonkey-export', 5)).toMatchObject({ 'How likely is it that you would recommend Contoso to a friend or colleague?': '' });
});

test('after a reload the imported dataset is still listed with its rows', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Reload plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);
  await data.importFile(MONTHLY_KPIS_CSV);

  await page.reload();
  await expect(data.dataset('monthly_kpis')).toBeVisible();
  expect(await data.datasetRowCount('monthly_kpis')).toBe(60);
  await data.showRows('monthly_kpis');
  expect(await data.rowCells('monthly_kpis', 1)).toEqual({
    month: '2020-01-01',
    revenue: '933,755.38',
    nps: '29.9',
    csat: '74.7',
    ces: '4.36',
    fcr: '69.3',
    aht_seconds: '412',
    churn_rate: '3.12',
    conversion_rate: '2.53',
  });
  expect((await data.rowCells('monthly_kpis', 60)).month).toBe('2024-12-01');
});

test('importing the same file again is recognised and asked about; "Import it again" adds a second dataset', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Twice plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);
  await data.importFile(csv('small-kpis.csv'));

  await data.choose(csv('small-kpis.csv'));
  await data.datasetName.fill('small-kpis (again)');
  await data.startImport();
  await expect(data.duplicateNotice).toContainText('This file is already in this plan as “small-kpis”');
  await data.duplicateNotice.getByRole('button', { name: 'Import it again' }).click();
  expect(await data.acknowledge()).toBe('Imported “small-kpis (again)”: 12 rows, 3 columns.');
  await expect(data.datasets).toHaveCount(2);
  expect(await data.datasetRowCount('small-kpis')).toBe(12);
  expect(await data.datasetRowCount('small-kpis (again)')).toBe(12);

  // Cancel at the question stores nothing more.
  await data.choose(csv('small-kpis.csv'));
  await data.startImport();
  await data.duplicateNotice.getByRole('button', { name: 'Cancel' }).click();
  await expect(data.fileInput).toBeAttached();
  expect((await readStoredData(page)).datasets).toHaveLength(2);
});

test('a deleted dataset is gone, chunks included, and stays gone after a reload', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Delete plan');
  await workspace.goToTab('data');
  const data = new DataTab(page);
  await data.importFile(csv('small-kpis.csv'));
  await data.importFile(MONTHLY_KPIS_CSV);
  const before = await readStoredData(page);
  expect(before.datasets.map((d) => [d.name, d.rowCount, d.chunks]).sort()).toEqual([
    ['monthly_kpis', 60, 9],
    ['small-kpis', 12, 3],
  ]);

  // Cancelling the dialog keeps the dataset.
  await page.getByRole('button', { name: 'Delete dataset small-kpis', exact: true }).click();
  await expect(data.deleteDialog).toContainText('“small-kpis” (12 rows) will be removed from this browser.');
  await data.deleteDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(data.deleteDialog).toBeHidden();
  await expect(data.dataset('small-kpis')).toBeVisible();

  await data.deleteDataset('small-kpis');
  await expect(page.locator('.toast').filter({ hasText: 'Deleted the dataset “small-kpis”.' })).toBeVisible();
  await page.reload();
  await expect(data.dataset('monthly_kpis')).toBeVisible();
  await expect(data.dataset('small-kpis')).toHaveCount(0);
  const after = await readStoredData(page);
  expect(after.datasets.map((d) => d.name)).toEqual(['monthly_kpis']);
  expect(after.chunks).toBe(9);
});
