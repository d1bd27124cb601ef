// Two tabs on one plan: an edit saved in one appears in the other without a reload.
import { test, expect } from './support/test';
import { GoalsTab } from './pages/GoalsTab';
import { WorkspacePage } from './pages/WorkspacePage';

test('renaming a goal in tab A shows the new name in tab B without a reload', async ({ plans, page, context }) => {
  await plans.goto();
  const workspaceA = await plans.openSample();
  await workspaceA.goToTab('goals');

  const pageB = await context.newPage();
  const errorsB: string[] = [];
  pageB.on('pageerror', (error) => errorsB.push(error.message));
  await pageB.goto(page.url());
  const workspaceB = new WorkspacePage(pageB);
  await expect(workspaceB.title).toHaveText('Northwind Telecom: CX alignment (sample)');
  const goalsB = new GoalsTab(pageB);
  await expect(goalsB.goal('Grow revenue')).toBeVisible();

  const goalsA = new GoalsTab(page);
  await goalsA.nameField(goalsA.goal('Grow revenue')).fill('Grow revenue 6 % a year');
  await goalsA.nameField(goalsA.goal('Grow revenue 6 % a year')).blur();

  await expect(goalsB.nameField(goalsB.goal('Grow revenue 6 % a year'))).toHaveValue('Grow revenue 6 % a year');
  await expect(goalsB.goal('Grow revenue')).toHaveCount(0);
  expect(errorsB).toEqual([]);
});
