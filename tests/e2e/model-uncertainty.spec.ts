// How sure we can be, on the sample workbook: Morris screening, and the charts of Monte Carlo and Sobol runs with their downloads.
import type { Download } from '@playwright/test';
import { test, expect } from './support/test';
import { seriousViolations } from './support/axe';
import { ModelTab } from './pages/ModelTab';

test.beforeEach(async ({ plans, page }) => {
  await ModelTab.builtOnSample(plans, page);
});

async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

test('Morris screening ranks the assumptions by μ*, charts them and downloads as CSV', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.morris.getByLabel('Trajectories').selectOption({ index: 0 });
  await tab.morrisRunButton.click();

  await expect(tab.morrisTable).toBeVisible();
  await expect(tab.morrisTable).toHaveAccessibleName(/^Morris screening of Value of the scorecard effort \(10 trajectories, [\d,]+ runs\)/);
  const curvature = tab.morrisTable.getByRole('row', { name: /Diminishing returns \(curvature\)/ });
  await expect(curvature).toBeVisible();
  // μ* of a money outcome is money: a number in the plan's currency, never NaN.
  await expect(curvature.getByRole('cell').first()).toHaveText(/^€[\d,]+$/);
  await expect(tab.morrisChart).toHaveAttribute('aria-label', /the assumptions that matter most are .*\(μ\* €[\d,]+, σ €[\d,]+\)/);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV of the Morris screening' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^morris-weightingValue\.csv$/);
  const lines = (await bytesOf(csv)).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('input,key,mu star,mu,sigma');
  const row = lines.find((line) => line.startsWith('Diminishing returns (curvature),'));
  expect(row?.split(',').slice(2).every((cell) => Number.isFinite(Number(cell)))).toBe(true);
  // One line per uncertain assumption, the table's top 15 included.
  expect(lines.length - 1).toBeGreaterThanOrEqual(await tab.morrisTable.locator('tbody tr').count());
  await expect(page.locator('main')).not.toContainText('NaN');
});

test('Monte Carlo and Sobol runs are charted with readable descriptions, a chart downloads as PNG, and the tab stays accessible', async ({
  page,
}) => {
  const tab = new ModelTab(page);
  await tab.select('Draws').selectOption({ label: '1,000' });
  await tab.select('Scenario A').selectOption({ label: 'Collective-heavy weighting' });
  await tab.select('Scenario B (A beats B?)').selectOption({ label: 'Individual-heavy weighting' });
  await tab.runButton('Monte Carlo').click();
  await expect(tab.monteCarloTable).toBeVisible();

  const npv = tab.monteCarloChart('NPV of the initiatives');
  await expect(npv).toBeVisible();
  await expect(npv).toHaveAttribute(
    'aria-label',
    /Collective-heavy weighting: P10 -?€[\d,]+, P50 -?€[\d,]+, P90 -?€[\d,]+; Individual-heavy weighting: P10 -?€[\d,]+, P50/,
  );
  await expect(tab.monteCarloChart('Value of the scorecard effort')).toBeVisible();
  await expect(tab.monteCarloChart('Total value')).toBeVisible();

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG of the chart “Monte Carlo range: NPV of the initiatives”' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^Monte Carlo range.*NPV of the initiatives\.png$/);
  expect([...(await bytesOf(png)).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  await tab.select('Base sample N').selectOption({ index: 0 });
  await tab.runButton('Sobol').click();
  await expect(tab.sobolTable).toBeVisible();
  await expect(tab.sobolChart).toHaveAttribute(
    'aria-label',
    /^Sobol indices of Value of the scorecard effort: the assumptions that explain most of its variance are .*Diminishing returns \(curvature\) \(total [\d.]+, first order [\d.]+\)/,
  );

  await tab.morris.getByLabel('Trajectories').selectOption({ index: 0 });
  await tab.morrisRunButton.click();
  await expect(tab.morrisChart).toBeVisible();

  await expect(page.locator('main')).not.toContainText('NaN');
  expect(await seriousViolations(page, 'section[aria-labelledby="model-title"]')).toEqual([]);
});
