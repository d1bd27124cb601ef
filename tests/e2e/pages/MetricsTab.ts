// Page object for the Metrics tab: the plan's metrics table, the metric library and the custom-metric form.
import type { Locator, Page } from '@playwright/test';

export class MetricsTab {
  readonly page: Page;
  readonly table: Locator;
  readonly customForm: Locator;
  readonly customName: Locator;
  readonly customError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByRole('table');
    this.customForm = page.getByRole('form', { name: 'Add a custom metric' });
    this.customName = this.customForm.getByLabel('Name', { exact: true });
    this.customError = this.customForm.getByText('Give the metric a name.');
  }

  libraryButton(metricName: string): Locator {
    return this.page.getByRole('button', { name: `Add ${metricName}`, exact: true });
  }

  /** The row of a metric in the plan's table, found by its visible text (abbreviation and name). */
  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async addFromLibrary(metricName: string): Promise<void> {
    await this.libraryButton(metricName).click();
  }

  async addCustom(fields: { name: string; category?: string; unit?: string; direction?: string; timing?: string }): Promise<void> {
    await this.customName.fill(fields.name);
    if (fields.category) await this.customForm.getByLabel('Category').selectOption({ label: fields.category });
    if (fields.unit) await this.customForm.getByLabel('Unit').selectOption({ label: fields.unit });
    if (fields.direction) await this.customForm.getByLabel('Better when').selectOption({ label: fields.direction });
    if (fields.timing) await this.customForm.getByLabel('Indicator').selectOption({ label: fields.timing });
    await this.customForm.getByRole('button', { name: '+ Add custom metric' }).click();
  }
}
