// The weighting/ROI model on the sample workbook: one click to a best balance, the tornado, worker runs, scenarios.
import { test, expect } from './support/test';
import { seriousViolations } from './support/axe';
import { ModelTab } from './pages/ModelTab';

test.beforeEach(async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('model');
});

test('one click builds the model: an interior best balance, a flat range, and a tornado naming the assumptions', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.buildButton.click();
  await expect(tab.bestBalance).toBeVisible();
  const best = await tab.bestSharePct();
  expect(best).toBeGreaterThan(0);
  expect(best).toBeLessThan(100);
  await expect(tab.balance).toContainText(/any share from \d+ % to \d+ %\s+is within 1 % of the best/);
  await expect(tab.shareCurve).toHaveAttribute('aria-label', new RegExp(`best at ${best} %`));
  await expect(tab.tornado).toHaveAttribute('aria-label', /Diminishing returns \(curvature\)/);
  await expect(tab.tornado).toHaveAttribute('aria-label', /Value of NPS/);
  await expect(tab.initiativesTable.getByRole('row', { name: /All initiatives together/ })).toContainText(/€[\d,]+/);
  await expect(page.locator('main')).not.toContainText('NaN');
});

test('an impossible horizon is refused at its field and never reaches the results', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.buildButton.click();
  await expect(tab.bestBalance).toBeVisible();
  const before = await tab.bestBalance.innerText();
  await tab.horizon.fill('0');
  await expect(tab.horizon).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: /at least 1/ })).toBeVisible();
  await expect(tab.bestBalance).toHaveText(before);
  await expect(page.locator('main')).not.toContainText('NaN');
  await tab.horizon.fill('24');
  await expect(tab.horizon).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByText(/Present value over 24 months|24-month horizon/).first()).toBeVisible();
});

test('a Monte Carlo run can be cancelled, and Monte Carlo and Sobol runs finish in the workers', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.buildButton.click();
  await expect(tab.bestBalance).toBeVisible();

  await tab.select('Draws').selectOption({ label: '100,000' });
  await tab.select('Scenario A').selectOption({ label: 'Collective-heavy weighting' });
  await tab.select('Scenario B (A beats B?)').selectOption({ label: 'Individual-heavy weighting' });
  await tab.runButton('Monte Carlo').click();
  await expect(tab.progress('Monte Carlo')).toBeVisible();
  await tab.cancelButton().click();
  await expect(page.getByText('Monte Carlo cancelled.')).toBeVisible();
  await expect(tab.monteCarloTable).toHaveCount(0);

  await tab.select('Draws').selectOption({ label: '1,000' });
  await tab.runButton('Monte Carlo').click();
  await expect(tab.monteCarloTable).toBeVisible();
  await expect(tab.monteCarloTable.getByRole('row', { name: /NPV of the initiatives/ })).toContainText(/€[\d,]+/);
  await expect(tab.beatsTable).toHaveAccessibleName(/Collective-heavy weighting beats Individual-heavy weighting/);
  await expect(tab.beatsTable.getByRole('row', { name: /Value of the scorecard effort/ })).toContainText(/\d+(\.\d)? %/);

  await tab.select('Base sample N').selectOption({ index: 0 });
  await tab.runButton('Sobol').click();
  await expect(tab.sobolTable).toBeVisible();
  await expect(tab.sobolTable.getByRole('row').nth(1)).toContainText('Diminishing returns (curvature)');

  expect(await seriousViolations(page, 'section[aria-labelledby="model-title"]')).toEqual([]);
});

test('scenarios are compared side by side and the comparison downloads as CSV', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.buildButton.click();
  await expect(tab.scenarioTable).toBeVisible();
  await expect(tab.scenarioTable.getByRole('columnheader', { name: 'Collective-heavy weighting' })).toBeVisible();
  await expect(tab.scenarioTable.getByRole('columnheader', { name: 'Individual-heavy weighting' })).toBeVisible();
  await expect(page.getByRole('img', { name: /for each of \d+ scenarios/ })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV of the scenario comparison' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await download
    .createReadStream()
    .then((stream) => stream.toArray())
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toContain('Collective-heavy weighting');
  expect(lines[0]).toContain('Individual-heavy weighting');
  const total = lines.find((line) => line.startsWith('Total value,'));
  expect(total?.split(',').slice(2).every((cell) => Number.isFinite(Number(cell)))).toBe(true);
});

test('the model is saved with the plan: it is still there after a reload', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.buildButton.click();
  await expect(tab.bestBalance).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(tab.bestBalance).toBeVisible();
  await expect(tab.buildButton).toHaveCount(0);
});
