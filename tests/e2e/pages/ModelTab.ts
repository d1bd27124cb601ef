// Page object for the Model tab: building the model, the share curve, tornado, runs in workers, scenarios and fields.
import type { Locator, Page } from '@playwright/test';

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
}
