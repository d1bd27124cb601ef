// Version safety: a database written by a newer app is left alone, and a tab outdated by another tab stops writing.
import { test, expect } from './support/test';
import { snapshotDatabase, upgradeDatabase, readStoredPlan } from './support/storage';

// A 404 page of the same origin reaches the app's IndexedDB without running the app; a service worker would
// answer that navigation with the app itself, so none is allowed here.
test.use({ serviceWorkers: 'block' });
const OUTSIDE_THE_APP = './no-such-page';

test('a database from a newer version of the app shows "Please update CX Align" and keeps every byte', async ({ plans, page }) => {
  await plans.goto();
  await plans.createPlan('Saved by this version');
  await plans.openFromHeader();
  await page.goto(OUTSIDE_THE_APP);
  expect(await upgradeDatabase(page, 100)).toBe(100);

  await plans.page.goto('./#/');
  await expect(page.getByRole('heading', { name: 'Please update CX Align' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Nothing has been changed or deleted.');
  await expect(plans.createButton).toHaveCount(0);

  await page.goto(OUTSIDE_THE_APP);
  expect(await snapshotDatabase(page)).toEqual({
    version: 100,
    stores: ['chunks', 'datasets', 'fromTheFuture', 'planVersions', 'plans', 'settings'],
    planNames: ['Saved by this version'],
    marker: 'kept',
  });
});

test('a tab outdated by an upgrade in another tab says so and stops writing', async ({ plans, page, context }) => {
  await plans.goto();
  const workspace = await plans.createPlan('Open in two tabs');
  const planId = workspace.planId();
  await workspace.waitUntilSaved();
  expect((await readStoredPlan(page, planId))?.revision).toBe(1);
  const other = await context.newPage();
  await other.goto(OUTSIDE_THE_APP);

  // An edit typed in tab A is still waiting to be written when tab B upgrades the database.
  await page.getByLabel('Plan name').fill('Typed just before the upgrade');
  // Resolves only once tab A has let go of its connection.
  expect(await upgradeDatabase(other, 100)).toBe(100);

  await expect(page.getByRole('heading', { name: 'CX Align was updated in another tab' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This tab has stopped saving');
  await expect(page.getByLabel('Plan name')).toHaveCount(0);
  // The old tab wrote nothing into the upgraded database: the plan is as it was before the edit.
  const after = await snapshotDatabase(other);
  expect(after.version).toBe(100);
  expect(after.planNames).toEqual(['Open in two tabs']);

  await page.getByRole('button', { name: 'Reload to continue' }).click();
  await expect(page.getByRole('heading', { name: 'Please update CX Align' })).toBeVisible();
});
