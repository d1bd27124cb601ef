// Editing a plan: goals, metrics, departments and scorecards save as you go, survive a reload, and can be undone.
import { test, expect } from './support/test';
import { DepartmentsTab } from './pages/DepartmentsTab';
import { GoalsTab } from './pages/GoalsTab';
import { MetricsTab } from './pages/MetricsTab';
import { OverviewTab } from './pages/OverviewTab';
import { ScorecardsTab } from './pages/ScorecardsTab';
import { readStoredPlan } from './support/storage';

test.beforeEach(async ({ plans }) => {
  await plans.goto();
});

test('goals, metrics and departments save without a save button and are still there after a reload', async ({ plans, page }) => {
  const workspace = await plans.createPlan('Contoso Energy 2027');
  const planId = workspace.planId();

  await workspace.goToTab('metrics');
  const metrics = new MetricsTab(page);
  await metrics.addFromLibrary('Net Promoter Score');
  await metrics.addFromLibrary('Churn rate');
  await expect(metrics.libraryButton('Net Promoter Score')).toHaveCount(0);
  await metrics.customForm.getByRole('button', { name: '+ Add custom metric' }).click();
  await expect(metrics.customError).toBeVisible();
  await metrics.addCustom({ name: 'Bill shock complaints', category: 'Operational', unit: 'count', direction: 'lower', timing: 'leading' });
  await expect(metrics.customError).toHaveCount(0);
  await expect(metrics.row('Bill shock complaints')).toContainText('custom');
  await expect(metrics.row('Bill shock complaints')).toContainText('▼ lower');

  await workspace.goToTab('goals');
  const goals = new GoalsTab(page);
  const goal = await goals.addGoal('Keep more customers', 'Churn rate');
  await goals.nameField(goal).blur();

  await workspace.goToTab('departments');
  const departments = new DepartmentsTab(page);
  await departments.addDepartment('Billing team');
  await departments.headcount('Billing team').fill('35');
  await departments.headcount('Billing team').blur();

  // "All changes saved" cannot see an edit still inside a field's typing pause, so check storage itself first.
  await expect
    .poll(async () => {
      const stored = await readStoredPlan(page, planId);
      return {
        goals: stored?.plan.goals.map((g) => g.name),
        kpi: stored?.plan.goals[0]?.kpiMetricId === stored?.plan.metrics.find((m) => m.key === 'churn_rate')?.id,
        metrics: stored?.plan.metrics.map((m) => m.name),
        departments: stored?.plan.departments.map((d) => [d.name, d.headcount]),
      };
    })
    .toEqual({
      goals: ['Keep more customers'],
      kpi: true,
      metrics: ['Net Promoter Score', 'Churn rate', 'Bill shock complaints'],
      departments: [['Billing team', 35]],
    });
  await workspace.waitUntilSaved();

  await page.reload();
  await expect(workspace.title).toHaveText('Contoso Energy 2027');
  await expect(departments.headcount('Billing team')).toHaveValue('35');
  await workspace.goToTab('goals');
  await expect(goals.goals).toHaveCount(1);
  await expect(goals.nameField(goals.goal('Keep more customers'))).toHaveValue('Keep more customers');
  await expect(goals.kpiSelect(goals.goal('Keep more customers')).locator('option:checked')).toHaveText('Churn rate');
  await workspace.goToTab('metrics');
  await expect(metrics.row('Net Promoter Score')).toBeVisible();
  await expect(metrics.row('Churn rate')).toBeVisible();
  await expect(metrics.row('Bill shock complaints')).toBeVisible();
});

test('a scorecard whose weights do not make 100 % is flagged, and Scale to 100 % fixes it in proportion', async ({ plans, page }) => {
  const workspace = await plans.openSample();
  await workspace.goToTab('scorecards');
  const scorecards = new ScorecardsTab(page);
  await expect(scorecards.total('Sales')).toHaveText('Total 100 %');
  await expect(scorecards.weightError('Sales')).toHaveCount(0);

  await scorecards.weight('Sales', 'NPS').fill('25');
  await expect(scorecards.weightError('Sales')).toContainText('Weights add up to 110 %; they must add up to 100 %.');
  await expect(scorecards.total('Sales')).toHaveText('Total 110 %');
  await scorecards.weight('Sales', 'NPS').blur();

  await scorecards.scaleTo100('Sales').click();
  await expect(scorecards.weightError('Sales')).toHaveCount(0);
  await expect(scorecards.total('Sales')).toHaveText('Total 100 %');
  // 25, 25, 25, 20, 15 scaled by 100/110 and rounded by largest remainder.
  const weights = await Promise.all(
    ['Revenue', 'NPS', 'Rev/rep', 'CVR', 'AOV'].map((m) => scorecards.weight('Sales', m).inputValue()),
  );
  expect(weights).toEqual(['23', '23', '23', '18', '13']);
});

test('the Sales trade-off warning on the overview goes away once a guardrail is added', async ({ plans, page }) => {
  const workspace = await plans.openSample();
  const overview = new OverviewTab(page);
  const tradeOff = overview.warning('Sales is scored on both NPS and Rev/rep, which pull against each other.');
  await expect(overview.warnings).toHaveCount(1);
  await expect(tradeOff).toBeVisible();
  await expect(workspace.tabLink('overview')).toHaveAccessibleName('Overview 1');

  await tradeOff.getByRole('link', { name: 'Fix' }).click();
  await expect(workspace.tabLink('scorecards')).toHaveAttribute('aria-current', 'page');
  const scorecards = new ScorecardsTab(page);
  await expect(scorecards.addGuardrail('Sales')).toHaveText('Add a guardrail: NPS ↔ Rev/rep');
  await scorecards.addGuardrail('Sales').click();
  await expect(scorecards.card('Sales')).toContainText('NPS ↔ Rev/rep — Pushing NPS must not lower Rev/rep.');
  await expect(scorecards.addGuardrail('Sales')).toHaveCount(0);

  await workspace.goToTab('overview');
  await expect(overview.warnings).toHaveCount(0);
  await expect(overview.coverageHeading).toContainText('all clear');
  await expect(overview.count('Guardrails')).toHaveText('3 Guardrails');
});

test('Undo and Redo buttons, then Ctrl+Z and Ctrl+Shift+Z, step an edit back and forth in view and in storage', async ({ plans, page }) => {
  const workspace = await plans.openSample();
  const planId = workspace.planId();
  const storedGuardrails = async () => (await readStoredPlan(page, planId))?.plan.guardrails.length;
  await workspace.goToTab('scorecards');
  const scorecards = new ScorecardsTab(page);
  await expect(workspace.undoButton).toBeDisabled();

  await scorecards.addGuardrail('Sales').click();
  await expect(scorecards.addGuardrail('Sales')).toHaveCount(0);
  await expect.poll(storedGuardrails).toBe(3);

  await workspace.undoButton.click();
  await expect(scorecards.addGuardrail('Sales')).toBeVisible();
  await expect.poll(storedGuardrails).toBe(2);
  await expect(workspace.redoButton).toBeEnabled();

  await workspace.redoButton.click();
  await expect(scorecards.addGuardrail('Sales')).toHaveCount(0);
  await expect.poll(storedGuardrails).toBe(3);

  await page.keyboard.press('Control+z');
  await expect(scorecards.addGuardrail('Sales')).toBeVisible();
  await expect.poll(storedGuardrails).toBe(2);

  await page.keyboard.press('Control+Shift+Z');
  await expect(scorecards.addGuardrail('Sales')).toHaveCount(0);
  await expect.poll(storedGuardrails).toBe(3);
  await workspace.waitUntilSaved();
});

test('the save state does not claim "All changes saved" while a typed edit is still waiting to be stored', async ({ plans, page }) => {
  const workspace = await plans.createPlan('Typing check');
  const overview = new OverviewTab(page);
  const planId = workspace.planId();
  const claim = page.getByText('All changes saved', { exact: true });
  await expect(claim).toBeVisible();
  await overview.planName.fill('Typing check, renamed');
  // Right after the keystroke nothing is stored yet, so the page must not say it is.
  const stored = await readStoredPlan(page, planId);
  if (stored?.name !== 'Typing check, renamed') await expect(claim).toBeHidden({ timeout: 200 });
  await expect.poll(async () => (await readStoredPlan(page, planId))?.name).toBe('Typing check, renamed');
  await expect(claim).toBeVisible();
});

test('an edit can still be undone after visiting other tabs, and the overview survives the round trip', async ({ plans, page }) => {
  const workspace = await plans.openSample();
  await workspace.goToTab('scorecards');
  const scorecards = new ScorecardsTab(page);
  await scorecards.addGuardrail('Sales').click();
  await expect(scorecards.addGuardrail('Sales')).toHaveCount(0);

  await workspace.goToTab('goals');
  await workspace.goToTab('overview');
  await expect(new OverviewTab(page).planName).toHaveValue('Northwind Telecom: CX alignment (sample)');
  await workspace.goToTab('scorecards');
  await expect(workspace.undoButton).toBeEnabled();
  await workspace.undoButton.click();
  await expect(scorecards.addGuardrail('Sales')).toBeVisible();
});
