// Page object for the Alignment matrix tab: the goals × metrics and metrics × departments keyboard grids.
import type { Locator, Page } from '@playwright/test';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class MatrixTab {
  readonly page: Page;
  readonly goalGrid: Locator;
  readonly roleGrid: Locator;

  constructor(page: Page) {
    this.page = page;
    this.goalGrid = page.getByRole('grid', { name: 'Goals by metrics: weight of each metric for each goal' });
    this.roleGrid = page.getByRole('grid', { name: 'Metrics by departments: who owns or contributes to each metric' });
  }

  /** A cell found by its row and column labels; its accessible name goes on with ": <state>". */
  cell(grid: Locator, row: string, column: string): Locator {
    return grid.getByRole('gridcell', { name: new RegExp(`^${escape(row)} × ${escape(column)}: `) });
  }
}
