// The last Monte Carlo and Morris runs travel with the plan: back after a reload, flagged once the model changes, and
// shown in a colleague's browser after a plan-file round trip.
import { test, expect } from './support/test';
import { ModelTab } from './pages/ModelTab';
import { PlansPage } from './pages/PlansPage';
import { WorkspacePage } from './pages/WorkspacePage';

test.beforeEach(async ({ plans, page }) => {
  await ModelTab.builtOnSample(plans, page);
});

test('saved Monte Carlo and Morris runs are back after a reload with their settings, and flagged once the model changes', async ({
  page,
}) => {
  const tab = new ModelTab(page);
  const workspace = new WorkspacePage(page);
  await tab.select('Draws').selectOption({ label: '1,000' });
  await tab.card('Monte Carlo').getByLabel('Seed').fill('7');
  await tab.runButton('Monte Carlo').click();
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  await tab.morris.getByLabel('Trajectories').selectOption({ index: 0 });
  await tab.morrisRunButton.click();
  await expect(tab.morrisTable).toHaveAccessibleName(/\(10 trajectories, [\d,]+ runs\)/);
  await expect(tab.savedCaption('Monte Carlo')).toBeVisible();
  await workspace.waitUntilSaved();
  const totals = await tab.monteCarloTable.getByRole('row', { name: /Total value/ }).textContent();

  await page.reload();
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  await expect(tab.monteCarloTable.getByRole('row', { name: /Total value/ })).toHaveText(totals ?? '');
  // The charts are redrawn from the saved run too, each from its own outcome's figures.
  const median = await tab.monteCarloTable.getByRole('row', { name: /Total value/ }).getByRole('cell').nth(1).innerText();
  const literal = median.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(tab.monteCarloChart('Total value')).toHaveAttribute('aria-label', new RegExp(`P50 ${literal}, P90`));
  await expect(tab.morrisTable).toHaveAccessibleName(/\(10 trajectories, [\d,]+ runs\)/);
  await expect(tab.savedCaption('Monte Carlo')).toBeVisible();
  await expect(tab.savedCaption('Morris screening')).toBeVisible();
  await expect(tab.savedCaption('Sobol indices')).toHaveCount(0);
  await expect(tab.select('Draws')).toHaveValue('1000');
  await expect(tab.card('Monte Carlo').getByLabel('Seed')).toHaveValue('7');
  await expect(tab.morris.getByLabel('Trajectories')).toHaveValue('10');
  await expect(tab.staleNote('Monte Carlo')).toHaveCount(0);
  await expect(tab.staleNote('Morris screening')).toHaveCount(0);

  await tab.horizon.fill('24');
  await expect(tab.staleNote('Monte Carlo')).toBeVisible();
  await expect(tab.staleNote('Morris screening')).toBeVisible();
  // The saved figures stay on screen, for comparison, until the next run replaces them.
  await expect(tab.monteCarloTable.getByRole('row', { name: /Total value/ })).toHaveText(totals ?? '');
  await expect(page.locator('main')).not.toContainText('NaN');

  await tab.runButton('Monte Carlo').click();
  await expect(tab.staleNote('Monte Carlo')).toHaveCount(0);
  await expect(tab.staleNote('Morris screening')).toBeVisible();
});

test('a saved run is no undo step: Undo takes back the edit before it and keeps the run', async ({ page }) => {
  const tab = new ModelTab(page);
  const workspace = new WorkspacePage(page);
  await tab.horizon.fill('24');
  await tab.horizon.blur();
  await tab.select('Draws').selectOption({ label: '1,000' });
  await tab.runButton('Monte Carlo').click();
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  await expect(tab.staleNote('Monte Carlo')).toHaveCount(0);

  await workspace.undoButton.click();
  await expect(tab.horizon).toHaveValue('36');
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  await expect(tab.staleNote('Monte Carlo')).toBeVisible();
  await workspace.redoButton.click();
  await expect(tab.horizon).toHaveValue('24');
  await expect(tab.staleNote('Monte Carlo')).toHaveCount(0);
});

test('a cancelled run leaves the saved run as it was', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.select('Draws').selectOption({ label: '1,000' });
  await tab.runButton('Monte Carlo').click();
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  const caption = await tab.savedCaption('Monte Carlo').innerText();

  // Two scenarios on 100,000 draws: long enough to cancel even with the workers warm from the first run.
  await tab.select('Draws').selectOption({ label: '100,000' });
  await tab.select('Scenario A').selectOption({ label: 'Collective-heavy weighting' });
  await tab.select('Scenario B (A beats B?)').selectOption({ label: 'Individual-heavy weighting' });
  await tab.runButton('Monte Carlo').click();
  await tab.cancelButton().click();
  await expect(page.getByText('Monte Carlo cancelled.')).toBeVisible();
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  await expect(tab.savedCaption('Monte Carlo')).toHaveText(caption);
});

test('the saved Monte Carlo run travels in the plan file to a colleague’s browser', async ({ page, plans, browser, baseURL }) => {
  const tab = new ModelTab(page);
  await tab.select('Draws').selectOption({ label: '1,000' });
  await tab.runButton('Monte Carlo').click();
  await expect(tab.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  const workspace = new WorkspacePage(page);
  await workspace.waitUntilSaved();
  const totals = await tab.monteCarloTable.getByRole('row', { name: /Total value/ }).textContent();
  const exported = await workspace.exportPlan();
  await expect(plans.toast(/^Exported/)).toBeVisible();
  const runs = (exported.json.plan.model as { runs: { monteCarlo: { draws: number } | null } }).runs;
  expect(runs.monteCarlo?.draws).toBe(1000);

  const { context: fresh, plans: colleague } = await PlansPage.inFreshBrowser(browser, baseURL);
  await colleague.importFile(await exported.download.path());
  const imported = new WorkspacePage(colleague.page);
  await expect(colleague.toast('Plan imported.')).toBeVisible();
  await imported.goToTab('model');
  const theirs = new ModelTab(colleague.page);
  await expect(theirs.monteCarloTable).toHaveAccessibleName(/^Monte Carlo, 1,000 draws/);
  await expect(theirs.monteCarloTable.getByRole('row', { name: /Total value/ })).toHaveText(totals ?? '');
  await expect(theirs.savedCaption('Monte Carlo')).toBeVisible();
  await expect(theirs.staleNote('Monte Carlo')).toHaveCount(0);
  await fresh.close();
});
