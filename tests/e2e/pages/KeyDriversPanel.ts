// Page object for the Key drivers section of the Correlation tab: data, outcome and driver choices, results and map.
import type { Locator, Page } from '@playwright/test';

export class KeyDriversPanel {
  readonly section: Locator;
  readonly dataset: Locator;
  readonly outcome: Locator;
  readonly importance: Locator;
  readonly map: Locator;
  readonly answer: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Key drivers' });
    this.dataset = this.section.getByLabel('Data', { exact: true });
    this.outcome = this.section.getByLabel('Outcome', { exact: true });
    this.importance = this.section.getByRole('table', { name: /Relative importance of each driver/ });
    this.map = this.section.getByRole('img', { name: /Importance × performance of/ });
    this.answer = this.section.getByText(/Together the drivers explain/);
    this.problem = this.section.getByText(/^Cannot compute because/);
  }

  /** Chooses the dataset whose name contains `name`. */
  async chooseDataset(name: string): Promise<void> {
    const labels = await this.dataset.locator('option').allTextContents();
    const label = labels.find((l) => l.includes(name));
    if (label === undefined) throw new Error(`No dataset named like "${name}" among ${labels.join(', ')}.`);
    await this.dataset.selectOption({ label });
  }

  driver(name: string): Locator {
    return this.section.getByRole('checkbox', { name, exact: true });
  }

  /** The "leads by" field of a series driver, labelled "NPS leads Revenue by (months)". */
  lead(name: string): Locator {
    return this.section.getByRole('textbox', { name: new RegExp(`^${name} leads .* by`) });
  }

  /** The importance row of a driver, found by its row header. */
  row(name: string): Locator {
    return this.importance.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  downloadCsv(): Locator {
    return this.section.getByRole('button', { name: 'Download CSV of the key-driver importances' });
  }

  downloadPng(): Locator {
    return this.section.getByRole('button', { name: 'Download PNG of the importance × performance chart' });
  }
}
