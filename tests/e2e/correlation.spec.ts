// The correlation test on the sample workbook: NPS leads revenue by 3 months, with an interval that contains the truth.
import { test, expect } from './support/test';
import { CorrelationTab } from './pages/CorrelationTab';

test('on the sample workbook NPS ranks first, leading revenue by 3 months, in every reading that controls the trend', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('correlation');
  const tab = new CorrelationTab(plans.page);
  await expect(tab.kpi).toHaveValue(/.+/);
  await expect(tab.kpi.locator('option:checked')).toHaveText('Revenue');
  await expect(tab.reading('Trend controlled')).toBeChecked();

  const first = tab.rankedRow(1);
  await expect(first).toContainText('NPS');
  await expect(first).toContainText('delayed by 3 months');
  await expect(first).toContainText('significant');
  // The sample's truth is +40,000 per NPS point; the sentence's 95 % interval must contain it.
  const sentence = (await tab.readingRow(1).innerText()).trim();
  expect(sentence).toMatch(/^\+1 NPS point ≈ \+\$[\d,]+ monthly revenue 3 months later; 95 % CI ([\d,]+)–([\d,]+)/);
  const [, low, high] = /95 % CI ([\d,]+)–([\d,]+)/.exec(sentence) ?? [];
  expect(Number(low?.replace(/,/g, ''))).toBeLessThan(40_000);
  expect(Number(high?.replace(/,/g, ''))).toBeGreaterThan(40_000);
  await expect(tab.lagProfile).toHaveAttribute('aria-label', /strongest at lag 3/);

  await tab.reading('Changes').check();
  await expect(tab.rankedRow(1)).toContainText('NPS');
  await expect(tab.rankedRow(1)).toContainText('delayed by 3 months');
});

test('the ranking downloads as a CSV whose text cells cannot run as formulas', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('correlation');
  const tab = new CorrelationTab(plans.page);
  await expect(tab.rankedRow(1)).toContainText('NPS');
  const [download] = await Promise.all([
    plans.page.waitForEvent('download'),
    plans.page.getByRole('button', { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('rank,metric,best lag,r,r 95% low,r 95% high,p (Bonferroni),slope,slope 95% low,slope 95% high,n,reading');
  expect(lines[1]).toMatch(/^1,NPS,3,/);
  // Every reading starts with "+1 …", which a spreadsheet would run as a formula: it must be escaped.
  expect(lines[1]).toContain(`"'+1 NPS point`);
});

test('the conflict map flags shorter handle times hurting CSAT, and a found conflict can be confirmed as a guardrail', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('correlation');
  const page = plans.page;
  const heatMap = page.getByRole('table', { name: /Direction-adjusted correlation between each pair of metrics/ });
  await expect(heatMap).toBeVisible();
  const csatAht = page.getByText('CSAT and AHT pull against each other:').locator('..');
  await expect(csatAht).toContainText('guardrail in place');
  const cesAht = page.getByText('CES and AHT pull against each other:').locator('..');
  await cesAht.getByRole('button', { name: 'Confirm as a guardrail pair' }).click();
  await expect(cesAht).toContainText('guardrail in place');
  await expect(workspace.saveState).toHaveText('All changes saved');
});
