// Accessibility: axe finds no serious or critical violation on any view, dialog included.
import { test, expect } from './support/test';
import { seriousViolations } from './support/axe';
import { TAB_IDS, WorkspacePage } from './pages/WorkspacePage';
import { fixtureFile } from './support/planFiles';
import { DataTab } from './pages/DataTab';
import { SURVEY_CSV } from './support/surveyReference';

test('the plan list, empty and then filled, has no serious violations', async ({ plans, page }) => {
  await plans.goto();
  await expect(plans.emptyState).toBeVisible();
  expect.soft(await seriousViolations(page), 'empty plan list').toEqual([]);

  await plans.openSample();
  await plans.openFromHeader();
  await plans.createPlan('Second plan');
  await plans.openFromHeader();
  await expect(plans.planTable.getByRole('row')).toHaveCount(3);
  expect.soft(await seriousViolations(page), 'filled plan list').toEqual([]);
});

test('every tab of the sample plan has no serious violations', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  for (const tab of TAB_IDS) {
    await workspace.goToTab(tab);
    if (tab === 'data') await expect(page.getByRole('article').first()).toBeVisible();
    expect.soft(await seriousViolations(page), `${tab} tab`).toEqual([]);
  }
});

test('the import-conflict dialog has no serious violations', async ({ plans, page }) => {
  await plans.goto();
  const file = fixtureFile('workshop.cxplan.json');
  await plans.importFile(file);
  await expect(new WorkspacePage(page).title).toHaveText('Contoso Energy: workshop plan');
  await plans.openFromHeader();
  // The app spots the conflict from its plan list, so the plan must be listed first.
  await expect(plans.planLink('Contoso Energy: workshop plan')).toBeVisible();
  await plans.importFile(file);
  await expect(plans.conflictDialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the data tab with the sample datasets, a rows table and an open CSV preview has no serious violations', async ({ plans, page }) => {
  await plans.goto();
  const workspace = await plans.openSample();
  await workspace.goToTab('data');
  const data = new DataTab(page);
  await expect(data.datasets).toHaveCount(2);
  await data.showRows('Survey responses 2025');
  await data.choose(SURVEY_CSV);
  await expect(data.previewTable.locator('tbody tr').first()).toBeVisible();
  expect.soft(await seriousViolations(page), 'preview').toEqual([]);

  // The bad-rows report that replaces the Import button.
  await data.preview.getByRole('button', { name: 'Cancel' }).click();
  await data.choose({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('month,revenue\n2024-01,1\n2024-02,x\n2024-03,3\n2024-04,4\n2024-05,5\n') });
  await data.startImport();
  await expect(data.invalidReport).toBeVisible();
  expect.soft(await seriousViolations(page), 'bad-rows report').toEqual([]);
});
