// Plan files: export writes the documented format; importing it into an empty browser restores the same plan.
import { test, expect } from './support/test';
import { PlansPage } from './pages/PlansPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { canonicalJson, fixtureFile, planDigest } from './support/planFiles';
import { storedPlanNames } from './support/storage';

const SAMPLE_NAME = 'Northwind Telecom: CX alignment (sample)';

test('an exported plan file imports into a fresh browser as the identical plan, and re-importing offers copy or replace', async ({
  plans,
  browser,
  baseURL,
}) => {
  await plans.goto();
  const workspace = await plans.openSample();
  const exported = await workspace.exportPlan();
  await expect(plans.toast(`Exported “${SAMPLE_NAME}”.`)).toBeVisible();

  expect(exported.fileName).toMatch(/^northwind-telecom-cx-alignment-sample-\d{4}-\d{2}-\d{2}\.cxplan\.json$/);
  const file = exported.json;
  expect(file.format).toBe('cx-align-plan');
  expect(file.formatVersion).toBe(3);
  expect(file.exportedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/));
  expect(file.integrity).toEqual({ algorithm: 'SHA-256', digest: planDigest(file.plan) });
  // Keys sorted at every level, 2-space indent, trailing newline: the text is its own canonical form.
  expect(exported.text).toBe(canonicalJson(file, 2) + '\n');
  expect(file.plan.id).toBe(workspace.planId());
  expect(file.plan.name).toBe(SAMPLE_NAME);

  const { context: fresh, plans: colleague } = await PlansPage.inFreshBrowser(browser, baseURL);
  await expect(colleague.emptyState).toBeVisible();
  await colleague.importFile(await exported.download.path());
  const imported = new WorkspacePage(colleague.page);
  await expect(imported.title).toHaveText(SAMPLE_NAME);
  await expect(colleague.toast('Plan imported.')).toBeVisible();
  expect(imported.planId()).toBe(file.plan.id);
  const again = await imported.exportPlan();
  expect(again.json.plan).toEqual(file.plan);

  // The same file again: the plan is already here, so the app asks.
  await colleague.openFromHeader();
  await colleague.rename(SAMPLE_NAME, 'Northwind, adjusted here');
  await colleague.importFile(await exported.download.path());
  await expect(colleague.conflictDialog).toBeVisible();
  await expect(colleague.conflictDialog).toContainText(`The file holds “${SAMPLE_NAME}”, which is the same plan as “Northwind, adjusted here”`);
  await colleague.conflictDialog.getByRole('button', { name: 'Import as a copy' }).click();
  await expect(colleague.conflictDialog).toBeHidden();
  await expect(imported.title).toHaveText(`${SAMPLE_NAME} (imported)`);
  expect(imported.planId()).not.toBe(file.plan.id);
  await expect.poll(() => storedPlanNames(colleague.page)).toEqual([`${SAMPLE_NAME} (imported)`, 'Northwind, adjusted here'].sort());

  await colleague.openFromHeader();
  await colleague.importFile(await exported.download.path());
  await colleague.conflictDialog.getByRole('button', { name: 'Replace it' }).click();
  await expect(colleague.toast(`Replaced “Northwind, adjusted here” with the imported plan.`)).toBeVisible();
  await expect(imported.title).toHaveText(SAMPLE_NAME);
  expect(imported.planId()).toBe(file.plan.id);
  await expect.poll(() => storedPlanNames(colleague.page)).toEqual([SAMPLE_NAME, `${SAMPLE_NAME} (imported)`].sort());
  const replaced = await imported.exportPlan();
  expect({ ...replaced.json.plan, updatedAt: null }).toEqual({ ...file.plan, updatedAt: null });
  await fresh.close();
});

test('a conflict dialog dismissed with Escape imports nothing', async ({ plans }) => {
  await plans.goto();
  const file = fixtureFile('workshop.cxplan.json');
  await plans.importFile(file);
  await expect(new WorkspacePage(plans.page).title).toHaveText('Contoso Energy: workshop plan');
  await plans.openFromHeader();
  // The app spots the conflict from its plan list, so the plan must be listed first.
  await expect(plans.planLink('Contoso Energy: workshop plan')).toBeVisible();
  await plans.importFile(file);
  await expect(plans.conflictDialog).toBeVisible();
  await plans.page.keyboard.press('Escape');
  await expect(plans.conflictDialog).toBeHidden();
  expect(await plans.planNames()).toEqual(['Contoso Energy: workshop plan']);
  await expect.poll(() => storedPlanNames(plans.page)).toEqual(['Contoso Energy: workshop plan']);
});

test('the plan file of a plan deleted here imports again, restoring it from the backup', async ({ plans }) => {
  await plans.goto();
  const file = fixtureFile('workshop.cxplan.json');
  await plans.importFile(file);
  await expect(new WorkspacePage(plans.page).title).toHaveText('Contoso Energy: workshop plan');
  await plans.openFromHeader();
  await plans.remove('Contoso Energy: workshop plan');
  await expect(plans.emptyState).toBeVisible();

  await plans.importFile(file);
  await expect(new WorkspacePage(plans.page).title).toHaveText('Contoso Energy: workshop plan');
  await expect(plans.importError).toHaveCount(0);
  await expect.poll(() => storedPlanNames(plans.page)).toEqual(['Contoso Energy: workshop plan']);
});
