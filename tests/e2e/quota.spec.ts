// A full disk: the edit fails with a message the user can act on, and what was saved before stays intact.
import { test, expect } from './support/test';
import { ScorecardsTab } from './pages/ScorecardsTab';
import { countPlanVersions, readStoredPlan } from './support/storage';

test('when storage is full an edit shows "storage is full", is rolled back, and the saved plan is untouched', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  const planId = workspace.planId();
  await workspace.goToTab('scorecards');
  const before = await readStoredPlan(page, planId);
  const versionsBefore = await countPlanVersions(page, planId);

  await page.evaluate(() => {
    const full = (): never => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  const scorecards = new ScorecardsTab(page);
  await scorecards.addGuardrail('Sales').click();
  await expect(page.locator('.toast').filter({ hasText: 'Could not save: this browser’s storage is full.' })).toBeVisible();
  // The view goes back to what storage holds: the guardrail was not added.
  await expect(scorecards.addGuardrail('Sales')).toBeVisible();
  await workspace.waitUntilSaved();

  await page.reload();
  await expect(workspace.title).toHaveText('Northwind Telecom: CX alignment (sample)');
  expect(await readStoredPlan(page, planId)).toEqual(before);
  expect(await countPlanVersions(page, planId)).toBe(versionsBefore);
  await expect(scorecards.addGuardrail('Sales')).toBeVisible();

  await scorecards.addGuardrail('Sales').click();
  await expect.poll(async () => (await readStoredPlan(page, planId))?.plan.guardrails.length).toBe(3);
});
