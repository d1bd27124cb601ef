// Key-driver analysis on the sample workbook: survey NPS at respondent level and revenue from monthly series.
import { test, expect } from './support/test';
import { seriousViolations } from './support/axe';
import { KeyDriversPanel } from './pages/KeyDriversPanel';

async function openPanel(plans: import('./pages/PlansPage').PlansPage): Promise<KeyDriversPanel> {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('correlation');
  return new KeyDriversPanel(plans.page);
}

const percent = (text: string) => Number(/([\d.]+) %/.exec(text)?.[1]);

test('the survey’s recommend item is explained by CSAT and effort, both methods sharing out R², with a map and a CSV', async ({ plans, page }) => {
  const panel = await openPanel(plans);
  await panel.chooseDataset('Survey responses');
  await expect(panel.outcome.locator('option:checked')).toHaveText('Likelihood to recommend');
  await expect(panel.answer).toContainText(/n = [\d,]+ responses of 12,000/);

  const csat = panel.row('CSAT');
  const effort = panel.row('CES (effort)');
  await expect(csat).toContainText('moves with it');
  await expect(effort).toContainText('moves against it');
  await expect(effort).toContainText('on 1 to 7, lower is better');
  const johnson = await Promise.all([csat, effort].map(async (row) => percent(await row.getByRole('cell').nth(1).innerText())));
  expect(johnson[0]! + johnson[1]!).toBeCloseTo(100, 0);
  await expect(panel.map).toHaveAttribute('aria-label', /Importance × performance of 2 drivers of Likelihood to recommend: /);

  const [download] = await Promise.all([page.waitForEvent('download'), panel.downloadCsv().click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'driver,r with outcome,johnson weight,johnson % of R2,shapley R2 share,shapley % of R2,mean,performance (0-1),performance basis,quadrant,R2,n',
  );
  expect(lines[1]).toMatch(/^CSAT,0\.\d+,0\.\d+,\d+\.\d+,0\.\d+,\d+\.\d+,4\.\d+,0\.\d+,on 1 to 5,/);
  expect(lines[2]).toMatch(/^CES \(effort\),-0\.\d+,.*,"on 1 to 7, lower is better",/);
  expect(lines.slice(3)).toEqual(['']);

  const [png] = await Promise.all([page.waitForEvent('download'), panel.downloadPng().click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
});

test('revenue’s key drivers from the monthly series: NPS leading by 3 months takes the largest share', async ({ plans }) => {
  const panel = await openPanel(plans);
  await panel.chooseDataset('Monthly KPIs');
  await expect(panel.outcome.locator('option:checked')).toHaveText('Revenue');
  await expect(panel.answer).toContainText(/n = 57 months of 60/);

  await panel.lead('NPS').fill('3');
  await expect(panel.row('NPS').getByRole('cell').first()).toHaveText('3');
  await expect(panel.answer).toContainText(/n = 5\d months of 60/);
  const shares = await panel.importance.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('th')?.textContent?.trim() ?? '',
      johnson: Number(/([\d.]+) %/.exec(row.querySelectorAll('td')[2]?.textContent ?? '')?.[1]),
    })),
  );
  expect(shares).toHaveLength(11);
  const largest = shares.reduce((best, s) => (s.johnson > best.johnson ? s : best));
  expect(largest.name).toBe('NPS');
  await expect(panel.map).toBeVisible();

  for (const name of ['NPS', 'CSAT', 'CES', 'FCR', 'AHT', 'Churn', 'CVR', 'AOV', 'SLA', 'Sentiment', 'CTS']) await panel.driver(name).uncheck();
  await expect(panel.problem).toHaveText('Cannot compute because no driver is chosen. Tick at least one driver.');
  await expect(panel.importance).toHaveCount(0);
});

test('the key-driver section with its results has no serious accessibility violation', async ({ plans, page }) => {
  const panel = await openPanel(plans);
  await panel.chooseDataset('Monthly KPIs');
  await expect(panel.map).toBeVisible();
  expect(await seriousViolations(page, 'section[aria-labelledby="drivers-title"]')).toEqual([]);
});
