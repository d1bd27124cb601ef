// Hostile and broken files: each is refused with a message naming the problem, and nothing in the browser changes.
import { writeFileSync } from 'node:fs';
import { test, expect } from './support/test';
import type { FileToImport } from './pages/PlansPage';
import { GoalsTab } from './pages/GoalsTab';
import { WorkspacePage } from './pages/WorkspacePage';
import { fixtureFile } from './support/planFiles';
import { storedPlanNames } from './support/storage';

const json = (name: string, buffer: Buffer): FileToImport => ({ name, mimeType: 'application/json', buffer });

/** A file to hand to the input: in memory, or (for big ones) written under `outputPath` so it is not copied over the wire. */
type MakeFile = (outputPath: (name: string) => string) => FileToImport | string;

const REFUSED: { what: string; file: MakeFile; message: string | RegExp }[] = [
  {
    what: 'a truncated plan file, saying where it is cut off',
    file: () => fixtureFile('truncated.cxplan.json'),
    message: 'This file is cut off: it ends at line 61, column 15 before the plan is complete',
  },
  {
    what: 'a file that is not JSON, naming the line, column and character',
    file: () => fixtureFile('not-json.cxplan.json'),
    message: "This file is not valid JSON: at line 1, column 1, expected a value but found 'H'.",
  },
  {
    what: 'binary bytes',
    file: () => json('photo.cxplan.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
    message: 'This file contains binary data, not text.',
  },
  {
    what: 'a file with a __proto__ key',
    file: () => fixtureFile('proto-key.cxplan.json'),
    message: /This file contains the field name "__proto__".*, which plan files never use/,
  },
  {
    what: '100 000 nested brackets, without freezing the tab',
    file: () => json('deep.cxplan.json', Buffer.from('['.repeat(100_000))),
    message: 'This file nests data more than 32 levels deep (at line 1, column 33).',
  },
  {
    what: 'a newer format version, naming both versions',
    file: () => fixtureFile('newer-version.cxplan.json'),
    message: 'This file is format version 7; this app reads up to version 3. Update CX Align to open it.',
  },
  {
    what: 'a value of the wrong type, naming the field path',
    file: () => fixtureFile('wrong-type.cxplan.json'),
    message: 'plan.departments[0].headcount: expected a whole number from 0 to 10000000 but found the text "eighty"',
  },
  {
    what: 'a plan edited after export, by its integrity check',
    file: () => fixtureFile('integrity-mismatch.cxplan.json'),
    message: 'This file does not match its integrity check',
  },
  {
    what: 'a file over 20 MB before reading it',
    file: (outputPath) => {
      const path = outputPath('huge.cxplan.json');
      writeFileSync(path, Buffer.alloc(21 * 1024 * 1024, 0x20));
      return path;
    },
    message: 'This file is 21 MB; a plan file can be at most 20 MB.',
  },
  {
    what: 'a CSV file renamed to .json',
    file: () => fixtureFile('kpis-csv-renamed.json'),
    message: "This file is not valid JSON: at line 1, column 1, expected a value but found 'm'.",
  },
];

test.describe('refuses', () => {
  for (const { what, file, message } of REFUSED) {
    test(`${what}; the plan list stays as it was`, async ({ plans }) => {
      await plans.goto();
      await plans.createPlan('Kept plan');
      await plans.openFromHeader();

      await plans.importFile(file((name) => test.info().outputPath(name)));
      await expect(plans.importError).toBeVisible();
      await expect(plans.importError).toContainText(message);
      await expect(plans.page).toHaveURL(/#\/$/);
      expect(await plans.planNames()).toEqual(['Kept plan']);
      expect(await storedPlanNames(plans.page)).toEqual(['Kept plan']);

      await plans.importError.getByRole('button', { name: 'Dismiss' }).click();
      await expect(plans.importError).toBeHidden();
    });
  }
});

test('a plan named with HTML is imported and shown as literal text, running nothing', async ({ plans, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await plans.goto();
  await plans.importFile(fixtureFile('script-name.cxplan.json'));
  const workspace = new WorkspacePage(page);
  await expect(workspace.title).toHaveText('<img src=x onerror=alert(1)>');
  await workspace.goToTab('goals');
  await expect(new GoalsTab(page).nameField(page.getByRole('article'))).toHaveValue('<script>alert("goal")</script>');
  await plans.openFromHeader();
  await expect(plans.planLink('<img src=x onerror=alert(1)>')).toBeVisible();

  await expect(page.locator('img[src="x"], [onerror], main script')).toHaveCount(0);
  await expect(page.locator('img')).toHaveCount(1);
  expect(dialogs).toEqual([]);
});
