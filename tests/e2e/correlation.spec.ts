// The correlation test on the sample workbook: NPS leads revenue by 3 months, with an interval that contains the truth.
import { test, expect } from './support/test';
import { CorrelationTab } from './pages/CorrelationTab';
import { ScorecardsTab } from './pages/ScorecardsTab';

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
  // The sample workbook's money is in euros (its plan currency).
  expect(sentence).toMatch(/^\+1 NPS point ≈ \+€[\d,]+ monthly revenue 3 months later; 95 % CI ([\d,]+)–([\d,]+)/);
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
    plans.page.getByRole('button', { name: 'Download CSV of the correlation results' }).click(),
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

test('a finding kept as evidence is listed, survives a reload and travels in the exported plan file', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('correlation');
  const tab = new CorrelationTab(plans.page);
  await expect(tab.rankedRow(1)).toContainText('NPS');
  await tab.readingRow(1).getByRole('button', { name: /Keep NPS → Revenue as evidence/ }).click();
  await expect(tab.readingRow(1)).toContainText('kept in the plan');
  await expect(tab.keptFindings).toContainText('NPS → Revenue');
  await expect(workspace.saveState).toHaveText('All changes saved');

  await plans.page.reload();
  await expect(tab.keptFindings).toContainText('+1 NPS point');
  const exported = await workspace.exportPlan();
  const plan = exported.json.plan as { findings: Record<string, unknown>[]; settings: unknown };
  const [finding] = plan.findings as [{ slopeLow: number; slopeHigh: number }];
  expect(finding).toMatchObject({ lag: 3, mode: 'trendControlled', period: 'month', datasetName: expect.any(String) });
  expect(finding.slopeLow).toBeLessThan(40_000);
  expect(finding.slopeHigh).toBeGreaterThan(40_000);
  expect(plan.settings).toEqual({ currency: 'EUR' });
});

test('a conflict dismissed with a reason leaves the scorecard warnings, is kept in the plan and can be reopened', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('scorecards');
  const scorecards = new ScorecardsTab(plans.page);
  // The sample's contact centre carries both handle time and FCR: the data shows shorter calls cost first-contact fixes.
  const warning = scorecards.dataConflict('Contact Centre', 'FCR and AHT work against each other');
  await expect(warning).toBeVisible();

  await workspace.goToTab('correlation');
  const tab = new CorrelationTab(plans.page);
  const conflict = tab.conflict('FCR', 'AHT');
  await conflict.getByRole('button', { name: /Dismiss the conflict FCR and AHT/ }).click();
  const reason = conflict.getByLabel('Why set FCR and AHT aside?');
  await expect(reason).toBeFocused();
  await expect(conflict.getByRole('button', { name: 'Dismiss', exact: true })).toBeDisabled();
  await reason.fill('Repeat contacts were mis-logged in 2022');
  await reason.press('Enter');
  await expect(conflict).toContainText('conflict dismissed — “Repeat contacts were mis-logged in 2022”');

  await workspace.goToTab('scorecards');
  await expect(scorecards.card('Contact Centre')).toBeVisible();
  await expect(warning).toHaveCount(0);
  const exported = await workspace.exportPlan();
  expect((exported.json.plan as { conflictDismissals: unknown }).conflictDismissals).toEqual([
    expect.objectContaining({ reason: 'Repeat contacts were mis-logged in 2022' }),
  ]);

  await workspace.goToTab('correlation');
  await tab.conflict('FCR', 'AHT').getByRole('button', { name: /Reopen/ }).click();
  await expect(tab.conflict('FCR', 'AHT')).toContainText('pull against each other');
});

test('money in the readings follows the currency chosen on the overview', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await plans.page.getByLabel('Currency of money figures').selectOption('USD');
  await expect(workspace.saveState).toHaveText('All changes saved');
  await workspace.goToTab('correlation');
  const tab = new CorrelationTab(plans.page);
  await expect(tab.readingRow(1)).toContainText(/^\+1 NPS point ≈ \+\$[\d,]+ monthly revenue/);
});

test('the lag-profile chart and the conflict pairs download as a PNG image and a CSV table', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('correlation');
  const tab = new CorrelationTab(plans.page);
  await expect(tab.lagProfile).toBeVisible();
  const [png] = await Promise.all([
    plans.page.waitForEvent('download'),
    plans.page.getByRole('button', { name: /Download PNG of the chart “Lag profile: NPS → Revenue”/ }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^Lag profile.*Revenue\.png$/);
  const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  const [csv] = await Promise.all([
    plans.page.waitForEvent('download'),
    plans.page.getByRole('button', { name: 'Download CSV of the metric pairs' }).click(),
  ]);
  const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('metric,other metric,relation,levels r,levels adjusted r,levels p,changes r,changes adjusted r,changes p,n,dismissed because');
  expect(lines.some((line) => /^CSAT,AHT,conflict,/.test(line))).toBe(true);
});
