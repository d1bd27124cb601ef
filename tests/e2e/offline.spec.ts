// Offline use: after one visit the service worker serves the whole app, which then works with no network at all.
import { test, expect } from './support/test';
import { OverviewTab } from './pages/OverviewTab';
import { readStoredPlan } from './support/storage';

test('after one online visit the app reloads, opens the sample, creates and saves a plan while offline', async ({ plans, page, context }) => {
  await plans.goto();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit installs the worker; it controls the page from the next load on.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await plans.waitUntilReady();
  expect(await page.evaluate(() => fetch('./definitely-not-cached.txt').then(() => 'online', () => 'offline'))).toBe('offline');

  // The sample's code is loaded on demand, so this proves lazily loaded chunks were cached too.
  await plans.openSample();
  await plans.openFromHeader();
  const workspace = await plans.createPlan('Offline workshop');
  const planId = workspace.planId();
  await new OverviewTab(page).planName.fill('Offline workshop, day 2');
  await expect.poll(async () => (await readStoredPlan(page, planId))?.name).toBe('Offline workshop, day 2');
  await workspace.waitUntilSaved();

  await page.reload();
  await expect(workspace.title).toHaveText('Offline workshop, day 2');
});
