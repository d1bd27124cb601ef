// Page object for the Scorecards tab: one card per department with weights, the 100 % check and guardrails.
import type { Locator, Page } from '@playwright/test';

export class ScorecardsTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  card(department: string): Locator {
    return this.page.getByRole('article', { name: department, exact: true });
  }

  weight(department: string, metricAbbreviation: string): Locator {
    return this.card(department).getByLabel(`Weight of ${metricAbbreviation} for ${department}`, { exact: true });
  }

  weightError(department: string): Locator {
    return this.card(department).getByRole('alert').filter({ hasText: 'Weights add up to' });
  }

  scaleTo100(department: string): Locator {
    return this.card(department).getByRole('button', { name: 'Scale to 100 %' });
  }

  total(department: string): Locator {
    return this.card(department).getByText(/^Total /);
  }

  addGuardrail(department: string): Locator {
    return this.card(department).getByRole('button', { name: /^Add a guardrail/ });
  }

  /** A warning that the data shows measures of the card working against each other, e.g. "FCR and AHT work against each other". */
  dataConflict(department: string, headline: string): Locator {
    return this.card(department).locator('.banner').filter({ hasText: `${headline} in your data.` });
  }
}
