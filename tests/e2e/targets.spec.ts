// Targets on the sample workbook: a revenue goal turned into an NPS target, cascaded to teams and agents, exported and re-imported.
import { test, expect } from './support/test';
import { seriousViolations } from './support/axe';
import { CorrelationTab } from './pages/CorrelationTab';
import { PlansPage } from './pages/PlansPage';
import { TargetsTab } from './pages/TargetsTab';
import { WorkspacePage } from './pages/WorkspacePage';

const NPS_ID = 'sample-metric-nps';

test('a revenue goal becomes an NPS target that is cascaded to three teams and their agents, and travels in the plan file', async ({
  plans,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await plans.goto();
  const workspace = await plans.openSample();
  const page = plans.page;

  // "Up" needs evidence: keep the correlation test's NPS → revenue finding.
  await workspace.goToTab('correlation');
  const correlation = new CorrelationTab(page);
  await expect(correlation.rankedRow(1)).toContainText('NPS');
  await correlation.readingRow(1).getByRole('button', { name: /Keep NPS → Revenue as evidence/ }).click();
  await expect(correlation.keptFindings).toContainText('NPS → Revenue');

  await workspace.goToTab('targets');
  const tab = new TargetsTab(page);
  await expect(page.getByText('No targets yet')).toBeVisible();
  await tab.metric.selectOption(NPS_ID);
  await expect(tab.goal.locator('option:checked')).toHaveText('Grow revenue');
  await expect(page.getByText(/^\s*Baseline 36\.9 \(last reading/)).toBeVisible();

  // +6 % revenue a month, through the kept slope and its interval, to the NPS change it needs.
  await tab.kpiChange('revenue').fill('6');
  await expect(page.getByText(/^\+€[\d,]+ of revenue a month needs \+[\d.]+ points of NPS \(95 % interval \+[\d.]+ points to \+[\d.]+ points\), with revenue following 3 months later\.$/)).toBeVisible();
  await tab.useKpiChange.click();
  const derived = Number(await tab.targetValue.inputValue());
  expect(derived).toBeGreaterThan(45);
  expect(derived).toBeLessThan(70);

  // Impossible values are refused at the field, never shown as NaN.
  await tab.targetValue.fill('120');
  await expect(tab.targetValue).toHaveAttribute('aria-invalid', 'true');
  expect(await tab.fieldError(tab.targetValue)).toBe('NPS runs from −100 to 100; 120 is not possible.');
  await tab.deadline.fill('2020-06-30');
  await expect(tab.deadline).toHaveAttribute('aria-invalid', 'true');
  expect(await tab.fieldError(tab.deadline)).toContain('is not in the future');
  await expect(page.getByText('NaN')).toHaveCount(0);

  await tab.targetValue.fill('50');
  await tab.deadline.fill('2027-12-31');
  await tab.benchmark.fill('45');
  await expect(tab.benchmarkSource).toHaveAttribute('aria-invalid', 'true');
  await tab.benchmarkSource.fill('Telecom NPS benchmark 2025');
  await expect(tab.targetValue).toHaveAttribute('aria-invalid', 'false');
  // Checked against the noise at the departments' survey volume, and against the benchmark with its source.
  await expect(tab.smartCheck).toContainText(/Increase NPS from 36\.9 to 50 by (31 December|December 31,) 2027: \+13\.1 points/);
  await expect(tab.smartCheck).toContainText(/outside the ±[\d.]+-point margin of error at [\d,]+ responses a month/);
  await expect(tab.smartCheck).toContainText('beyond the industry benchmark of 45 (Telecom NPS benchmark 2025)');
  await expect(tab.smartCheck.getByRole('listitem').filter({ hasText: 'Relevant' })).toHaveText(
    /Relevant\s*\(pass\): Serves the goal "Grow revenue"; the correlation test finds the KPI moving with it 3 months later/,
  );
  await tab.keep.click();

  const card = tab.target('NPS');
  await expect(card).toBeVisible();
  await expect(card).toContainText(/Worth to the KPI: \+13\.1 points of NPS is worth \+€[\d,]+ of revenue a month/);
  await expect(card).toContainText(/No readings after the baseline's month/);
  await expect(card.getByRole('img', { name: /NPS: actual against the target path/ })).toBeVisible();

  // In: three teams, then two agents in each.
  await card.getByRole('button', { name: 'Cascade this target' }).click();
  const teams = [
    { name: 'North', baseline: '30', responses: '1200' },
    { name: 'South', baseline: '40', responses: '600' },
    { name: 'West', baseline: '45', responses: '200' },
  ];
  for (const [i, team] of teams.entries()) {
    await tab.addPartUnder('NPS', 'Whole company');
    await tab.rename('NPS', 'team', `Team ${i + 1}`, team.name);
    await tab.partField('NPS', `Responses a month of ${team.name}`).fill(team.responses);
    await tab.partField('NPS', `Baseline of ${team.name}`).fill(team.baseline);
  }
  for (const team of teams) {
    for (const agent of [1, 2]) {
      await tab.addPartUnder('NPS', team.name);
      await tab.rename('NPS', 'person', `Person ${agent}`, `${team.name} agent ${agent}`);
    }
  }
  const check = tab.reconciliation('NPS');
  await expect(check).toContainText('✓ Reconciliation check passed');
  await expect(check.getByRole('listitem')).toHaveCount(4);
  await expect(check).not.toContainText('≠');
  await expect(tab.cascade('NPS')).toContainText(/North agent 1: Your NPS needs to reach [\d.]+ for North to reach [\d.]+ \(now 30\)\./);

  // A team that stays on plan keeps its target while the others carry the rest; the check still passes.
  await tab.cascade('NPS').getByRole('checkbox', { name: 'West stays on plan' }).check();
  await tab.partField('NPS', 'Target of North').fill('47');
  await expect(check).toContainText('✓ Reconciliation check passed');
  await expect(tab.cascade('NPS').getByRole('checkbox', { name: 'North stays on plan' })).toBeChecked();

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    tab.cascade('NPS').getByRole('button', { name: 'Download CSV of the NPS cascade' }).click(),
  ]);
  const text = (await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))).replace(/^\uFEFF/, '');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe("Level,Path,Name,Kind,Responses,Share of parent's change (%),Baseline,Target,Change,Stays on plan,Split of its parts,Recomputed from its parts,Reconciles");
  expect(lines.filter((l) => l.endsWith(',yes'))).toHaveLength(4);
  expect(lines.filter((l) => l.endsWith(',no'))).toHaveLength(0);

  expect(await seriousViolations(page)).toEqual([]);

  await workspace.waitUntilSaved();
  const exported = await workspace.exportPlan();
  const target = (exported.json.plan.targets as { cascade: { root: { children: unknown[] } } }[])[0];
  expect(target?.cascade.root.children).toHaveLength(3);

  // A colleague opens the file: the same plan, and the same target on the tab.
  const { context: fresh, plans: colleague } = await PlansPage.inFreshBrowser(browser, baseURL);
  await colleague.importFile(await exported.download.path());
  const imported = new WorkspacePage(colleague.page);
  await expect(colleague.toast('Plan imported.')).toBeVisible();
  const again = await imported.exportPlan();
  expect(again.json.plan).toEqual(exported.json.plan);
  await imported.goToTab('targets');
  const theirs = new TargetsTab(colleague.page);
  await expect(theirs.reconciliation('NPS')).toContainText('✓ Reconciliation check passed');
  await fresh.close();
});

test('agreements from templates show compliance per period from the sample data, and a metric without data says what to do', async ({ plans }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('targets');
  const tab = new TargetsTab(plans.page);
  await expect(tab.agreements.getByText('No agreements yet')).toBeVisible();
  const template = plans.page.getByLabel('Agreement template');
  await template.selectOption({ label: 'XLA: Digital CSAT ≥ 80 %' });
  await tab.agreements.getByRole('button', { name: '+ Add agreement' }).click();
  await template.selectOption({ label: 'XLA: App rating ≥ 4.5' });
  await tab.agreements.getByRole('button', { name: '+ Add agreement' }).click();

  const csat = tab.agreements.getByRole('row').filter({ hasText: 'Digital CSAT' });
  await expect(csat).toContainText(/\d+ %\s*\d+ of \d+ periods/);
  const rating = tab.agreements.getByRole('row').filter({ hasText: 'App rating' });
  await expect(rating).toContainText('No data for App rating yet: map a column to it on the Data tab.');

  const [download] = await Promise.all([
    plans.page.waitForEvent('download'),
    tab.agreements.getByRole('button', { name: "Download CSV of the agreements' compliance per period" }).click(),
  ]);
  const text = (await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))).replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter((l) => l !== '');
  expect(lines[0]).toBe('Agreement,Kind,Rule,Period,Value,Met');
  expect(lines).toHaveLength(61);
  expect(lines[1]).toMatch(/^Digital CSAT,XLA,>= 80,2021-01-01,[\d.]+,(yes|no)$/);
});
