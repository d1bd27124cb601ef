// Page object for an open plan: its header (save state, undo/redo, export) and navigation between its tabs.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export const TAB_LABELS = {
  overview: 'Overview',
  goals: 'Goals',
  metrics: 'Metrics',
  departments: 'Departments',
  matrix: 'Alignment matrix',
  scorecards: 'Scorecards',
  data: 'Data',
  correlation: 'Correlation test',
  targets: 'Targets',
  model: 'Model',
} as const;

export type TabId = keyof typeof TAB_LABELS;

/** The heading each tab's content starts with (the overview's is for screen readers only). */
export const TAB_HEADINGS: Record<TabId, string> = {
  overview: 'Overview',
  goals: 'Business goals',
  metrics: 'Metrics',
  departments: 'Departments and teams',
  matrix: 'Goals × metrics',
  scorecards: 'Department scorecards',
  data: 'Data',
  correlation: 'Correlation test',
  targets: 'Targets',
  model: 'Weighting and ROI model',
};

export const TAB_IDS = Object.keys(TAB_LABELS) as TabId[];

export interface ExportedFile {
  download: Download;
  fileName: string;
  text: string;
  json: { plan: Record<string, unknown> } & Record<string, unknown>;
}

export class WorkspacePage {
  readonly page: Page;
  readonly title: Locator;
  readonly saveState: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly exportButton: Locator;
  readonly sections: Locator;

  constructor(page: Page) {
    this.page = page;
    this.title = page.getByRole('heading', { level: 1 });
    this.saveState = page.getByText(/^(All changes saved|Saving…)$/);
    this.undoButton = page.getByRole('button', { name: '↶ Undo' });
    this.redoButton = page.getByRole('button', { name: '↷ Redo' });
    // The header's button; the overview repeats it in its "Share this plan" card.
    this.exportButton = page.getByRole('button', { name: 'Export plan file' }).first();
    this.sections = page.getByRole('navigation', { name: 'Plan sections' });
  }

  /** The plan's id, read from the address (#/plan/<id>/<tab>). */
  planId(): string {
    const match = /#\/plan\/([^/]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`Not on a plan page: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  tabLink(tab: TabId): Locator {
    // The overview link may carry a warning count ("Overview 1"), so match the label at the start.
    return this.sections.getByRole('link', { name: new RegExp(`^${TAB_LABELS[tab]}`) });
  }

  async goToTab(tab: TabId): Promise<void> {
    await this.tabLink(tab).click();
    await expect(this.tabLink(tab)).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('heading', { level: 2, name: TAB_HEADINGS[tab], exact: true })).toBeAttached();
  }

  /**
   * Waits until the header says everything is saved. Today that text also shows while a typed edit is still in the
   * field's typing pause, so tests that reload after typing first poll storage (support/storage.ts).
   */
  async waitUntilSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('All changes saved');
  }

  async exportPlan(): Promise<ExportedFile> {
    const downloading = this.page.waitForEvent('download');
    await this.exportButton.click();
    const download = await downloading;
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    return { download, fileName: download.suggestedFilename(), text, json: JSON.parse(text) as ExportedFile['json'] };
  }
}
