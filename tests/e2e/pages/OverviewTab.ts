// Page object for a plan's overview: plan name, the counts, and the coverage check with its warnings.
import type { Locator, Page } from '@playwright/test';

export class OverviewTab {
  readonly page: Page;
  readonly planName: Locator;
  readonly coverageHeading: Locator;
  readonly warnings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.planName = page.getByLabel('Plan name', { exact: true });
    this.coverageHeading = page.getByRole('heading', { name: /^Coverage check/ });
    this.warnings = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Fix', exact: true }) });
  }

  /** The link showing how many of something the plan holds, e.g. count('Goals') for "4 Goals". */
  count(label: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^\\d+ ${label}$`) });
  }

  warning(text: string | RegExp): Locator {
    return this.warnings.filter({ hasText: text });
  }
}
