// Page object for the Targets tab: the "set a target" form, kept targets with their cascades, and the agreements.
import type { Locator, Page } from '@playwright/test';

export class TargetsTab {
  readonly metric: Locator;
  readonly goal: Locator;
  readonly deadline: Locator;
  readonly targetValue: Locator;
  readonly benchmark: Locator;
  readonly benchmarkSource: Locator;
  readonly responses: Locator;
  readonly keep: Locator;
  readonly smartCheck: Locator;
  readonly useKpiChange: Locator;
  readonly agreements: Locator;

  constructor(readonly page: Page) {
    this.metric = page.getByLabel('Metric', { exact: true });
    this.goal = page.getByLabel('Goal it serves');
    this.deadline = page.getByLabel('Deadline');
    this.targetValue = page.getByRole('textbox', { name: /^Target( \(.*\))?$/ });
    this.benchmark = page.getByLabel('Industry benchmark (optional)');
    this.benchmarkSource = page.getByLabel('Benchmark source');
    this.responses = page.getByLabel('Survey responses a month');
    this.keep = page.getByRole('button', { name: 'Keep this target' });
    this.smartCheck = page.getByRole('region', { name: 'SMART check' });
    this.useKpiChange = page.getByRole('button', { name: 'Use this change as the target' });
    this.agreements = page.getByRole('region', { name: /Experience-level agreements/ });
  }

  /** The percentage input of the "up" helper, named after the KPI ("Change in revenue (%)"). */
  kpiChange(kpi: string): Locator {
    return this.page.getByLabel(`Change in ${kpi} (%)`);
  }

  /** The message shown at a form field, read through the field's aria-describedby. */
  async fieldError(field: Locator): Promise<string> {
    const id = await field.getAttribute('aria-describedby');
    return id === null ? '' : ((await this.page.locator(`#${id}`).textContent()) ?? '').trim();
  }

  /** The card of a kept target, by its heading ("NPS: 36.9 → 65 by …"). */
  target(metric: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^${metric}: `) });
  }

  cascade(metric: string): Locator {
    return this.target(metric).getByRole('region', { name: `Cascade of the ${metric} target` });
  }

  reconciliation(metric: string): Locator {
    return this.cascade(metric).getByRole('status', { name: 'Reconciliation check' });
  }

  async addPartUnder(metric: string, parent: string): Promise<void> {
    await this.cascade(metric).getByRole('button', { name: `Add a part under ${parent}` }).click();
  }

  /** Fills a part's fields: its name (found by its current name and level) and its number fields by their labels. */
  async rename(metric: string, level: 'team' | 'person' | 'department', current: string, name: string): Promise<void> {
    await this.cascade(metric).getByRole('textbox', { name: `Name of ${level} ${current}`, exact: true }).fill(name);
  }

  partField(metric: string, label: string): Locator {
    return this.cascade(metric).getByRole('textbox', { name: label, exact: true });
  }
}
