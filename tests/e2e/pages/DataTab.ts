// Page object for the Data tab: the CSV import (preview, overrides, progress, reports) and the plan's datasets.
import { expect, type Locator, type Page } from '@playwright/test';

/** A CSV to hand to the file input: a path on disk (big files) or bytes in memory. */
export type CsvFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Bytes as a CSV file for the input. */
export function csvFile(name: string, content: string | Buffer): CsvFile {
  return { name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
}

/** Height of a row in the virtualised table (VirtualTable's default), to scroll a given row into view. */
const ROW_HEIGHT = 36;

export class DataTab {
  readonly page: Page;
  readonly fileInput: Locator;
  readonly preview: Locator;
  readonly previewIssues: Locator;
  readonly previewTable: Locator;
  readonly datasetName: Locator;
  readonly kind: Locator;
  readonly separator: Locator;
  readonly decimal: Locator;
  readonly headerRows: Locator;
  readonly importButton: Locator;
  readonly progress: Locator;
  readonly progressText: Locator;
  readonly cancelImportButton: Locator;
  readonly imported: Locator;
  readonly invalidReport: Locator;
  readonly duplicateNotice: Locator;
  readonly datasets: Locator;
  readonly emptyState: Locator;
  readonly deleteDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.fileInput = page.getByTestId('csv-file-input');
    this.preview = page.getByRole('region', { name: /^Check the file: / });
    // The preview's file-level problems come first; the bad-rows and duplicate reports are alerts further down.
    this.previewIssues = this.preview.getByRole('alert').first();
    this.previewTable = this.preview.getByRole('table', { name: "First rows of the file with each column's detected type" });
    this.datasetName = page.getByLabel('Dataset name');
    this.kind = page.getByLabel('What the rows are');
    this.separator = page.getByLabel('Separator');
    this.decimal = page.getByLabel('Decimal mark');
    this.headerRows = page.getByLabel('Header rows');
    this.importButton = this.preview.getByRole('button', { name: 'Import', exact: true });
    this.progress = page.getByRole('progressbar', { name: 'Import progress' });
    this.progressText = page.getByRole('region', { name: /^Importing / }).locator('[aria-live="polite"]');
    this.cancelImportButton = page.getByRole('button', { name: 'Cancel import' });
    this.imported = page.getByRole('status').filter({ hasText: /^\s*Imported “/ });
    this.invalidReport = this.preview.getByRole('alert').filter({ hasText: 'Nothing was stored' });
    this.duplicateNotice = this.preview.getByRole('alert').filter({ hasText: 'This file is already in this plan' });
    this.datasets = page.getByRole('article', { name: /^Dataset / });
    this.emptyState = page.getByText('No data in this plan yet');
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete this dataset?' });
  }

  /** Hands a file to the hidden input, as the file picker would, and waits for its preview. */
  async choose(file: CsvFile): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await expect(this.preview).toBeVisible();
  }

  /** The type select of a preview column, by the column's name. */
  columnType(column: string): Locator {
    return this.preview.getByLabel(`Type of column ${column}`, { exact: true });
  }

  dateFormat(column: string): Locator {
    return this.preview.getByLabel(`Date format of column ${column}`, { exact: true });
  }

  /** The detected type of every preview column, by name, in file order. */
  async detectedTypes(): Promise<Record<string, string>> {
    const selects = this.preview.getByLabel(/^Type of column /);
    const entries: [string, string][] = [];
    for (const select of await selects.all()) {
      const label = (await select.getAttribute('id')) ?? '';
      const name = ((await this.preview.locator(`label[for="${label}"]`).textContent()) ?? '').replace(/^Type of column /, '');
      entries.push([name, await select.inputValue()]);
    }
    return Object.fromEntries(entries);
  }

  /** The preview's data rows as cell texts. */
  async previewRows(): Promise<string[][]> {
    const rows = await this.previewTable.locator('tbody tr').all();
    return Promise.all(rows.map((row) => texts(row.locator('td'))));
  }

  /** Clicks Import; what follows (progress, the "Imported" note, a report or a question) is for the caller to await. */
  async startImport(): Promise<void> {
    await this.importButton.click();
  }

  /** Imports the file with what the preview detected and dismisses the "Imported" note; returns that note's text. */
  async importFile(file: CsvFile): Promise<string> {
    await this.choose(file);
    await this.startImport();
    return this.acknowledge();
  }

  /** Waits for the "Imported …" note, returns its text and dismisses it so another file can be chosen. */
  async acknowledge(): Promise<string> {
    await expect(this.imported).toBeVisible({ timeout: 30_000 });
    const text = (await this.imported.innerText()).replace(/\s*OK$/, '').trim();
    await this.imported.getByRole('button', { name: 'OK' }).click();
    await expect(this.fileInput).toBeAttached();
    return text;
  }

  dataset(name: string): Locator {
    return this.page.getByRole('article', { name: `Dataset ${name}`, exact: true });
  }

  /** The line under a dataset's name: "4,000 rows · 8 columns · 192 KB · from … · imported …". */
  datasetSummary(name: string): Locator {
    return this.dataset(name).locator('p.hint').filter({ hasText: / rows · / }).first();
  }

  /** A dataset's row count as the list shows it (digits only, so "4,000" reads 4000). */
  async datasetRowCount(name: string): Promise<number> {
    const text = await this.datasetSummary(name).innerText();
    const match = /^([\d,.\s\u00a0\u202f]+) rows/.exec(text);
    if (!match?.[1]) throw new Error(`No row count in “${text}”`);
    return Number(match[1].replace(/\D/g, ''));
  }

  /** The select that says which column is a survey item: 'nps', 'csat' or 'ces'. */
  surveyItem(dataset: string, item: 'nps' | 'csat' | 'ces'): Locator {
    const labels = { nps: 'NPS item', csat: 'CSAT item', ces: 'CES item' } as const;
    return this.dataset(dataset).getByLabel(new RegExp(`^${labels[item]} `));
  }

  /** The selected option's text of a select. */
  selectedText(select: Locator): Promise<string> {
    return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '');
  }

  useAsNpsButton(dataset: string): Locator {
    return this.dataset(dataset).getByRole('button', { name: 'Yes, use it as NPS' });
  }

  /** The overall scores above the survey table: "2.9 NPS 95 % CI … · n = 3,958". */
  headline(dataset: string): Locator {
    return this.dataset(dataset).locator('.headline');
  }

  granularity(dataset: string): Locator {
    return this.dataset(dataset).getByLabel('Per', { exact: true });
  }

  surveySplit(dataset: string): Locator {
    return this.dataset(dataset).getByLabel('Split by', { exact: true });
  }

  /** The survey scores table: its caption names the period and the split. */
  surveyTable(dataset: string): Locator {
    return this.dataset(dataset).getByRole('table', { name: /^Survey scores / });
  }

  /** The survey table as rows of cell texts, header excluded. */
  async surveyRows(dataset: string): Promise<string[][]> {
    const rows = await this.surveyTable(dataset).locator('tbody tr').all();
    return Promise.all(rows.map((row) => texts(row.locator('td'))));
  }

  /** The survey table's column headers. */
  surveyHeaders(dataset: string): Promise<string[]> {
    return texts(this.surveyTable(dataset).locator('thead th'));
  }

  /** The metric chosen for a time-series dataset's chart. */
  seriesMetric(dataset: string): Locator {
    return this.dataset(dataset).getByLabel('Metric', { exact: true });
  }

  /** The plan metric a time-series column is mapped to. */
  metricMapping(dataset: string, column: string): Locator {
    return this.dataset(dataset).getByRole('group', { name: 'What the columns mean' }).getByLabel(column, { exact: true });
  }

  chart(dataset: string): Locator {
    return this.dataset(dataset).locator('figure.chart');
  }

  chartCanvas(dataset: string): Locator {
    return this.chart(dataset).locator('canvas');
  }

  async showRows(dataset: string): Promise<Locator> {
    await this.dataset(dataset).getByRole('button', { name: 'Show rows' }).click();
    const table = this.rowsTable(dataset);
    await expect(table).toBeVisible();
    return table;
  }

  /** The virtualised table of a dataset's rows (a scrollable region). */
  rowsTable(dataset: string): Locator {
    return this.dataset(dataset).getByRole('region', { name: new RegExp(`^Rows of ${escapeRegExp(dataset)}: `) });
  }

  /** The headers of the rows table, without the row-number column. */
  async rowHeaders(dataset: string): Promise<string[]> {
    return (await texts(this.rowsTable(dataset).locator('thead th'))).slice(1);
  }

  /**
   * The cells of a 1-based data row, keyed by column name, once its block has loaded. Scrolls the table to the row
   * first: only the visible rows are in the page.
   */
  async rowCells(dataset: string, row: number): Promise<Record<string, string>> {
    const table = this.rowsTable(dataset);
    await table.evaluate((el, top) => {
      el.scrollTop = top;
    }, (row - 1) * ROW_HEIGHT);
    const tr = table.locator(`tbody tr[aria-rowindex="${row + 1}"]`);
    await expect(tr.locator('td').nth(1)).not.toHaveText('…');
    const headers = await this.rowHeaders(dataset);
    const cells = (await texts(tr.locator('td'))).slice(1);
    return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
  }

  /** Deletes a dataset through its confirmation dialog. */
  async deleteDataset(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete dataset ${name}`, exact: true }).click();
    await expect(this.deleteDialog).toBeVisible();
    await this.deleteDialog.getByRole('button', { name: 'Delete dataset' }).click();
    await expect(this.dataset(name)).toHaveCount(0);
  }
}

/** Cell texts as the page holds them: not innerText, which applies CSS text-transform (headers show in capitals). */
async function texts(cells: Locator): Promise<string[]> {
  return (await cells.allTextContents()).map((t) => t.trim());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
