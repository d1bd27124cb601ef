// The Playwright `test` used by every spec: page objects as fixtures, and a check that the app threw no uncaught error.
import { test as base, expect } from '@playwright/test';
import { PlansPage } from '../pages/PlansPage';

export interface Fixtures {
  plans: PlansPage;
  /** Uncaught errors of the page; a test that provokes one on purpose empties this list. */
  pageErrors: Error[];
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(errors.map((e) => e.message), 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  plans: async ({ page }, use) => {
    await use(new PlansPage(page));
  },
});

export { expect };
