// The alignment matrices by keyboard alone: reach the grid with Tab, move with arrows, set and clear cells by key.
import { test, expect } from './support/test';
import { MatrixTab } from './pages/MatrixTab';
import { readStoredPlan } from './support/storage';

test('goals × metrics and metrics × departments can be filled in with the keyboard only', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  const planId = workspace.planId();
  await workspace.goToTab('matrix');
  const matrix = new MatrixTab(page);
  const stored = () => readStoredPlan(page, planId);

  // The last tab link comes right before the first grid in the tab order; the grid is one stop (roving tabindex).
  await workspace.tabLink('model').focus();
  await page.keyboard.press('Tab');
  const origin = matrix.cell(matrix.goalGrid, 'Grow revenue', 'Revenue');
  await expect(origin).toBeFocused();
  await expect(origin).toHaveAccessibleName('Grow revenue × Revenue: not linked');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const target = matrix.cell(matrix.goalGrid, 'Retain customers', 'CTS');
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('tabindex', '0');
  await expect(origin).toHaveAttribute('tabindex', '-1');

  await page.keyboard.press('4');
  await expect(target).toHaveText('4');
  await expect(target).toHaveAccessibleName('Retain customers × CTS: weight 4 of 5');
  await expect
    .poll(async () => (await stored())?.plan.goalMetrics.find((l) => l.goalId === 'sample-goal-retention' && l.metricId === 'sample-metric-cost_to_serve')?.weight)
    .toBe(4);

  await page.keyboard.press('Delete');
  await expect(target).toHaveText('');
  await expect(target).toHaveAccessibleName('Retain customers × CTS: not linked');
  await expect
    .poll(async () => (await stored())?.plan.goalMetrics.some((l) => l.goalId === 'sample-goal-retention' && l.metricId === 'sample-metric-cost_to_serve'))
    .toBe(false);

  // With the cell cleared there is no rationale box, so the next Tab stop is the second grid.
  await page.keyboard.press('Tab');
  const first = matrix.cell(matrix.roleGrid, 'Revenue', 'Marketing');
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName('Revenue × Marketing: contributor');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const it = matrix.cell(matrix.roleGrid, 'Revenue', 'IT');
  await expect(it).toBeFocused();
  await expect(it).toHaveAccessibleName('Revenue × IT: not involved');

  await page.keyboard.press('o');
  await expect(it).toHaveText('Owner');
  await expect(it).toHaveAccessibleName('Revenue × IT: owner');
  await page.keyboard.press('c');
  await expect(it).toHaveText('Contributes');
  await expect(it).toHaveAccessibleName('Revenue × IT: contributor');
  await expect
    .poll(async () => (await stored())?.plan.metricDepartments.find((l) => l.metricId === 'sample-metric-revenue' && l.departmentId === 'sample-dept-it')?.role)
    .toBe('contributor');
  await page.keyboard.press('Delete');
  await expect(it).toHaveAccessibleName('Revenue × IT: not involved');
  await workspace.waitUntilSaved();
});
