// Page object for the Model tab: building the model, the share curve, tornado, runs in workers, scenarios and fields.
import { expect, type Locator, type Page } from '@playwright/test';
import type { PlansPage } from './PlansPage';

export class ModelTab {
  readonly buildButton: Locator;
  /** The sentence naming the best balance ("Best balance: 35 % collective"). */
  /** The section of the collective-share sweep: the best balance, how flat it is, the curve. */
  readonly balance: Locator;
  readonly bestBalance: Locator;
  readonly shareCurve: Locator;
  readonly tornado: Locator;
  readonly initiativesTable: Locator;
  readonly scenarioTable: Locator;
  readonly horizon: Locator;

  constructor(readonly page: Page) {
    this.buildButton = page.getByRole('button', { name: 'Build the model from this plan' });
    this.balance = page.getByRole('region', { name: 'Best balance of collective and individual measures' });
    this.bestBalance = page.getByText(/^Best balance: \d+ % collective$/);
    this.shareCurve = page.getByRole('img', { name: /^Value of the scorecard effort from 0 to 100 % collective share/ });
    this.tornado = page.getByRole('img', { name: /^Tornado of / });
    this.initiativesTable = page.getByRole('table', { name: /NPV, ROI and payback of each initiative/ });
    this.scenarioTable = page.getByRole('table', { name: 'Outcomes of each scenario side by side' });
    this.horizon = page.getByRole('textbox', { name: 'Horizon', exact: true });
  }

  /** Opens the sample workbook's Model tab and builds the model: where most Model tests start. */
  static async builtOnSample(plans: PlansPage, page: Page): Promise<ModelTab> {
    await plans.goto();
    const workspace = await plans.openSample();
    await workspace.goToTab('model');
    const tab = new ModelTab(page);
    await tab.buildButton.click();
    await expect(tab.bestBalance).toBeVisible();
    return tab;
  }

  /** The best collective share the sweep found, in percent. */
  async bestSharePct(): Promise<number> {
    const text = await this.bestBalance.innerText();
    const match = /(\d+) % collective/.exec(text);
    if (!match?.[1]) throw new Error(`No best balance in "${text}"`);
    return Number(match[1]);
  }

  runButton(analysis: 'Monte Carlo' | 'Sobol'): Locator {
    return this.page.getByRole('button', { name: `Run ${analysis}` });
  }

  progress(analysis: 'Monte Carlo' | 'Sobol'): Locator {
    return this.page.getByRole('progressbar', { name: `${analysis} progress` });
  }

  cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel' });
  }

  select(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get monteCarloTable(): Locator {
    return this.page.getByRole('table', { name: /^Monte Carlo, [\d,]+ draws/ });
  }

  get beatsTable(): Locator {
    return this.page.getByRole('table', { name: /^Probability that / });
  }

  get sobolTable(): Locator {
    return this.page.getByRole('table', { name: /^Sobol indices of / });
  }

  // ---- Saved runs: the last run of each analysis travels with the plan ----

  /** The card of one analysis: its fields, run button, saved-run caption and results. */
  card(analysis: 'Monte Carlo' | 'Sobol indices' | 'Morris screening'): Locator {
    return this.page.getByRole('region', { name: analysis, exact: true });
  }

  /** "Saved run of 23 Nov 2026, 16:40" above a card's results. */
  savedCaption(analysis: 'Monte Carlo' | 'Sobol indices' | 'Morris screening'): Locator {
    return this.card(analysis).getByText(/^Saved run of .+\d/);
  }

  /** The note that the model has changed since the saved run was made. */
  staleNote(analysis: 'Monte Carlo' | 'Sobol indices' | 'Morris screening'): Locator {
    return this.card(analysis).getByRole('status').filter({ hasText: 'The model has changed since this run; run it again for current figures.' });
  }

  /** The Morris screening card: its own outcome, trajectories and seed fields, run button and results. */
  get morris(): Locator {
    return this.page.getByRole('region', { name: 'Morris screening' });
  }

  get morrisRunButton(): Locator {
    return this.page.getByRole('button', { name: 'Run Morris' });
  }

  get morrisTable(): Locator {
    return this.page.getByRole('table', { name: /^Morris screening of / });
  }

  /** The μ* against σ scatter; its description names the assumptions that matter most. */
  get morrisChart(): Locator {
    return this.page.getByRole('img', { name: /^Morris screening of / });
  }

  /** The P10–P90 range chart of one money outcome ("NPV of the initiatives"); its description reads out the quantiles. */
  monteCarloChart(outcome: string): Locator {
    const literal = outcome.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('img', { name: new RegExp(`^${literal} over [\\d,]+ draws`) });
  }

  get sobolChart(): Locator {
    return this.page.getByRole('img', { name: /^Sobol indices of / });
  }

  // ---- Assumptions added and removed by hand, and the collective share for every department ----

  /** The sentence with the best balance and what it is worth ("Best balance: 35 % collective for …, worth €… over the horizon."). */
  get bestBalanceSentence(): Locator {
    return this.balance.getByText(/^Best balance: [\s\S]* over the horizon\.$/);
  }

  /** The sentence on the shares the model assumes now and their value ("With 60 % collective for every department…"). */
  get currentBalanceSentence(): Locator {
    return this.balance.getByText(/^(With|The scorecards today)/);
  }

  /** Opens one of the Assumptions section's collapsed tables ("Value of each metric", "Side effects", "Reach"). */
  async openAssumptionTable(title: 'Value of each metric' | 'Side effects between metrics' | 'Reach'): Promise<void> {
    const details = this.page.locator('#model-assumptions details').filter({ has: this.page.locator('summary', { hasText: title }) });
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  get valuesTable(): Locator {
    return this.page.getByRole('table', { name: 'Value of a one-unit change of each metric per month' });
  }

  get sideEffectsTable(): Locator {
    return this.page.getByRole('table', { name: 'Side effects of one metric on another' });
  }

  get reachTable(): Locator {
    return this.page.getByRole('table', { name: 'Full-effort reach of each department on each metric' });
  }

  /** One of the add forms under those tables, by its legend ("Add a side effect by hand"). */
  addForm(what: 'value' | 'side effect' | 'reach'): Locator {
    return this.page.getByRole('group', { name: `Add a ${what} by hand` });
  }

  /** Adds a side effect through its form; metrics are named as their options read ("Net Promoter Score (NPS)"). */
  async addSideEffect(from: string, to: string, perUnit: string): Promise<void> {
    const form = this.addForm('side effect');
    await form.getByLabel('From metric').selectOption({ label: from });
    await form.getByLabel('To metric').selectOption({ label: to });
    await form.getByRole('textbox', { name: 'Change of “to” per unit of “from”' }).fill(perUnit);
    await form.getByRole('button', { name: 'Add side effect' }).click();
  }

  async addValue(metric: string, perUnitPerMonth: string, lagMonths: string, category: 'Revenue' | 'Cost' | 'Retention'): Promise<void> {
    const form = this.addForm('value');
    await form.getByLabel('Metric').selectOption({ label: metric });
    await form.getByRole('textbox', { name: 'Value per unit per month' }).fill(perUnitPerMonth);
    await form.getByRole('textbox', { name: 'Lag' }).fill(lagMonths);
    await form.getByLabel('Category').selectOption({ label: category });
    await form.getByRole('button', { name: 'Add value' }).click();
  }

  async addReach(department: string, metric: string, fullEffortChange: string): Promise<void> {
    const form = this.addForm('reach');
    await form.getByLabel('Department').selectOption({ label: department });
    await form.getByLabel('Metric').selectOption({ label: metric });
    await form.getByRole('textbox', { name: 'Full-effort change' }).fill(fullEffortChange);
    await form.getByRole('button', { name: 'Add reach' }).click();
  }

  removeButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${name}`, exact: true });
  }

  get scorecardShares(): Locator {
    return this.page.getByRole('radio', { name: "Each department's scorecard share" });
  }

  get oneShareForAll(): Locator {
    return this.page.getByRole('radio', { name: 'One share for all' });
  }

  get shareForAll(): Locator {
    return this.page.getByRole('textbox', { name: 'Collective share for all departments' });
  }
}
