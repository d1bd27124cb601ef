// Page object for the Correlation test tab: the KPI and reading controls, the ranking table and its readings.
import type { Locator, Page } from '@playwright/test';

export class CorrelationTab {
  readonly kpi: Locator;
  readonly ranking: Locator;
  readonly lagProfile: Locator;

  constructor(readonly page: Page) {
    this.kpi = page.getByLabel('Business KPI');
    this.ranking = page.getByRole('table', { name: /Metrics ranked by the strength of their link/ });
    this.lagProfile = page.getByRole('img', { name: /correlation by lag/ });
  }

  reading(name: 'Trend controlled' | 'Changes' | 'Levels'): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** The data row of the metric ranked at `rank` (1 = strongest). */
  rankedRow(rank: number): Locator {
    return this.ranking.locator('tbody tr:not(.reading)').nth(rank - 1);
  }

  /** The evidence kept in the plan, listed under the ranking. */
  get keptFindings(): Locator {
    return this.page.getByRole('region', { name: /Evidence kept in the plan/ });
  }

  /** The banner of a conflict the data found between two metrics, e.g. conflict('CSAT', 'AHT'). */
  conflict(a: string, b: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: new RegExp(`^${a} and ${b}( pull against each other)?:`) });
  }

  /** The reading (CFO sentence and warnings) under the metric ranked at `rank`. */
  readingRow(rank: number): Locator {
    return this.ranking.locator('tbody tr.reading').nth(rank - 1);
  }
}
