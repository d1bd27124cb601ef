// The plan list: starting with nothing, creating, the sample workbook, renaming, duplicating, deleting with undo.
import { test, expect } from './support/test';
import { OverviewTab } from './pages/OverviewTab';
import { storedPlanNames } from './support/storage';

test.beforeEach(async ({ plans }) => {
  await plans.goto();
});

test('a new browser shows the empty state and no plan table', async ({ plans }) => {
  await expect(plans.emptyState).toBeVisible();
  await expect(plans.page.getByText('Open the sample workbook to see a finished example')).toBeVisible();
  await expect(plans.planTable).toHaveCount(0);
});

test('creating a plan without a name shows the error at the field and creates nothing', async ({ plans }) => {
  await plans.newPlanName.fill('   ');
  await plans.createButton.click();
  const error = plans.page.getByText('Give the plan a name, e.g. the client or the year.');
  await expect(error).toBeVisible();
  await expect(plans.newPlanName).toHaveAttribute('aria-invalid', 'true');
  await expect(plans.newPlanName).toHaveAccessibleDescription('Give the plan a name, e.g. the client or the year.');
  await expect(plans.emptyState).toBeVisible();
  expect(await storedPlanNames(plans.page)).toEqual([]);
});

test('a plan created by name opens on its overview and is listed afterwards', async ({ plans }) => {
  const workspace = await plans.createPlan('Acme Retail — CX alignment 2027');
  await expect(workspace.tabLink('overview')).toHaveAttribute('aria-current', 'page');
  await expect(new OverviewTab(plans.page).planName).toHaveValue('Acme Retail — CX alignment 2027');
  await plans.openFromHeader();
  expect(await plans.planNames()).toEqual(['Acme Retail — CX alignment 2027']);
  await expect(plans.emptyState).toHaveCount(0);
});

test('the sample workbook opens on the overview of Northwind Telecom with its counts', async ({ plans }) => {
  const workspace = await plans.openSample();
  await expect(workspace.title).toHaveText('Northwind Telecom: CX alignment (sample)');
  await expect(workspace.tabLink('overview')).toHaveAttribute('aria-current', 'page');
  const overview = new OverviewTab(plans.page);
  await expect(overview.count('Goals')).toHaveText('4 Goals');
  await expect(overview.count('Metrics')).toHaveText('23 Metrics');
  await expect(overview.count('Departments')).toHaveText('6 Departments');
  await expect(overview.count('Goal–metric links')).toHaveText('27 Goal–metric links');
  await expect(overview.count('Guardrails')).toHaveText('2 Guardrails');
});

test('renaming a plan changes its name in the list and in storage', async ({ plans }) => {
  await plans.createPlan('Draft');
  await plans.openFromHeader();
  await plans.rename('Draft', 'FY2027 retention plan');
  expect(await plans.planNames()).toEqual(['FY2027 retention plan']);
  await expect.poll(() => storedPlanNames(plans.page)).toEqual(['FY2027 retention plan']);
});

test('Rename puts the keyboard focus in the name field', async ({ plans }) => {
  await plans.createPlan('Draft');
  await plans.openFromHeader();
  await plans.page.getByRole('button', { name: 'Rename Draft', exact: true }).press('Enter');
  await expect(plans.renameField('Draft')).toBeFocused();
});

test('duplicating a plan lists a copy next to the original', async ({ plans }) => {
  const original = (await plans.createPlan('Baseline')).planId();
  await plans.openFromHeader();
  await plans.duplicate('Baseline');
  await expect(plans.toast('Duplicated “Baseline”.')).toBeVisible();
  expect((await plans.planNames()).sort()).toEqual(['Baseline', 'Baseline (copy)']);
  const copy = await plans.openPlan('Baseline (copy)');
  expect(copy.planId()).not.toBe(original);
});

test('a deleted plan comes back with Undo on the notice', async ({ plans }) => {
  await plans.createPlan('Keep me');
  await plans.openFromHeader();
  await plans.createPlan('Delete me');
  await plans.openFromHeader();
  await plans.remove('Delete me');
  expect(await plans.planNames()).toEqual(['Keep me']);
  const notice = plans.toast('Deleted “Delete me”.');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(plans.planLink('Delete me')).toBeVisible();
  expect((await plans.planNames()).sort()).toEqual(['Delete me', 'Keep me']);
  await expect.poll(() => storedPlanNames(plans.page)).toEqual(['Delete me', 'Keep me']);
});

test('many plans are all listed, most recently changed first', async ({ plans }) => {
  const names = Array.from({ length: 12 }, (_, i) => `Client ${String(i + 1).padStart(2, '0')}`);
  for (const name of names) {
    await plans.createPlan(name);
    await plans.openFromHeader();
  }
  await expect(plans.planTable.getByRole('row')).toHaveCount(names.length + 1);
  expect(await plans.planNames()).toEqual([...names].reverse());
});
