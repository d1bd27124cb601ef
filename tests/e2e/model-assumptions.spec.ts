// The model's assumptions entered by hand on the sample workbook: side effects and values added and removed, one
// collective share for every department, refusals at the field, and all of it kept across a reload.
import { test, expect } from './support/test';
import { seriousViolations } from './support/axe';
import { ModelTab } from './pages/ModelTab';

const CES = 'Customer Effort Score (CES)';
const NPS = 'Net Promoter Score (NPS)';
const SENTIMENT = 'Social sentiment (Sentiment)';

test.beforeEach(async ({ plans, page }) => {
  await ModelTab.builtOnSample(plans, page);
});

test('a side effect added by hand appears in its table and moves the results; removing it moves them back', async ({ page }) => {
  const tab = new ModelTab(page);
  const before = await tab.bestBalanceSentence.innerText();
  await tab.openAssumptionTable('Side effects between metrics');
  await expect(tab.sideEffectsTable.getByRole('row', { name: /^CES → NPS/ })).toHaveCount(0);

  await tab.addSideEffect(CES, NPS, '-5');
  const row = tab.sideEffectsTable.getByRole('row', { name: /^CES → NPS/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('textbox', { name: 'Side effect CES → NPS: most likely' })).toHaveValue('-5');
  await expect(row.getByLabel('Source of the side effect CES → NPS')).toHaveValue('manual');
  await expect(tab.addForm('side effect').getByRole('status')).toHaveText('Added the side effect CES → NPS.');
  await expect(tab.bestBalanceSentence).not.toHaveText(before);

  // The same pair again is refused at the form, as is a link that would close a loop (CSAT → NPS exists).
  await tab.addSideEffect(CES, NPS, '1');
  await expect(tab.addForm('side effect').getByRole('alert')).toHaveText(/CES → NPS is already a side effect/);
  await tab.addSideEffect(NPS, 'Customer satisfaction (CSAT)', '1');
  await expect(tab.addForm('side effect').getByRole('alert')).toHaveText(/closes a loop/);

  await tab.removeButton('side effect CES → NPS').click();
  await expect(row).toHaveCount(0);
  await expect(tab.bestBalanceSentence).toHaveText(before);
  // Focus moves on to the next row's Remove button rather than getting lost.
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Remove side effect /);
  await expect(page.locator('main')).not.toContainText('NaN');
});

test('a value added by hand for a metric counts in the results and can be removed', async ({ page }) => {
  const tab = new ModelTab(page);
  const before = await tab.bestBalanceSentence.innerText();
  await tab.openAssumptionTable('Value of each metric');
  await tab.addValue(SENTIMENT, '5000', '0', 'Revenue');
  const row = tab.valuesTable.getByRole('row', { name: /^Sentiment/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('textbox', { name: 'Value of Sentiment: most likely' })).toHaveValue('5000');
  await expect(row.getByLabel('Source of the value of Sentiment')).toHaveValue('manual');
  await expect(tab.bestBalanceSentence).not.toHaveText(before);
  // A metric that has a value is no longer offered.
  await expect(tab.addForm('value').getByLabel('Metric').locator('option', { hasText: SENTIMENT })).toHaveCount(0);

  await tab.removeButton('the value of Sentiment').click();
  await expect(row).toHaveCount(0);
  await expect(tab.bestBalanceSentence).toHaveText(before);
});

test('a reach removed by hand stops counting, and added back by hand counts again', async ({ page }) => {
  const tab = new ModelTab(page);
  const before = await tab.bestBalanceSentence.innerText();
  await tab.openAssumptionTable('Reach');
  const row = tab.reachTable.getByRole('row', { name: /^Contact Centre AHT/ });
  await expect(row).toBeVisible();

  await tab.removeButton('reach of Contact Centre on AHT').click();
  await expect(row).toHaveCount(0);
  await expect(tab.bestBalanceSentence).not.toHaveText(before);

  // Back among the metrics on Contact Centre's scorecard, at the value it had (without its range).
  await tab.addReach('Contact Centre', 'Average handle time (AHT)', '-30');
  await expect(row.getByRole('textbox', { name: 'Reach of Contact Centre on AHT: most likely' })).toHaveValue('-30');
  await expect(tab.addForm('reach').getByRole('status')).toHaveText('Added the reach of Contact Centre on AHT.');
  await expect(tab.bestBalanceSentence).toHaveText(before);
});

test('one collective share for every department drives the results, and a share outside 0–100 % is refused at the field', async ({ page }) => {
  const tab = new ModelTab(page);
  await expect(tab.scorecardShares).toBeChecked();
  await expect(tab.currentBalanceSentence).toContainText('The scorecards today');

  await tab.oneShareForAll.check();
  await tab.shareForAll.fill('60');
  await expect(tab.currentBalanceSentence).toContainText('With 60 % collective for every department');

  await tab.shareForAll.fill('140');
  await expect(tab.shareForAll).toHaveAttribute('aria-invalid', 'true');
  await expect(tab.balance.getByRole('alert')).toHaveText('Must be at most 100.');
  await expect(tab.currentBalanceSentence).toContainText('With 60 % collective');
  await tab.shareForAll.blur();
  await expect(tab.shareForAll).toHaveValue('60');
  await expect(page.locator('main')).not.toContainText('NaN');

  await tab.scorecardShares.check();
  await expect(tab.shareForAll).toHaveCount(0);
  await expect(tab.currentBalanceSentence).toContainText('The scorecards today');
});

test('edits by hand are saved with the plan: still there after a reload', async ({ page }) => {
  const tab = new ModelTab(page);
  await tab.openAssumptionTable('Side effects between metrics');
  await tab.addSideEffect(CES, NPS, '-5');
  await tab.openAssumptionTable('Value of each metric');
  await tab.addValue(SENTIMENT, '5000', '2', 'Revenue');
  await tab.oneShareForAll.check();
  await tab.shareForAll.fill('60');
  await expect(tab.currentBalanceSentence).toContainText('With 60 % collective');
  const after = await tab.bestBalanceSentence.innerText();
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.reload();
  await expect(tab.bestBalanceSentence).toHaveText(after);
  await expect(tab.oneShareForAll).toBeChecked();
  await expect(tab.shareForAll).toHaveValue('60');
  await tab.openAssumptionTable('Side effects between metrics');
  await expect(tab.sideEffectsTable.getByRole('row', { name: /^CES → NPS/ })).toBeVisible();
  await tab.openAssumptionTable('Value of each metric');
  const value = tab.valuesTable.getByRole('row', { name: /^Sentiment/ });
  await expect(value.getByRole('textbox', { name: 'Lag of the value of Sentiment (months)' })).toHaveValue('2');

  await tab.openAssumptionTable('Reach');
  expect(await seriousViolations(page, '#model-assumptions', '#model-balance')).toEqual([]);
});
