// Page object for the Departments tab: adding departments and editing their names and sizes.
import { expect, type Locator, type Page } from '@playwright/test';

export class DepartmentsTab {
  readonly page: Page;
  readonly addButton: Locator;
  readonly nameFields: Locator;

  constructor(page: Page) {
    this.page = page;
    this.addButton = page.getByRole('button', { name: '+ Add department', exact: true });
    this.nameFields = page.getByRole('textbox', { name: 'Department name', exact: true });
  }

  headcount(department: string): Locator {
    return this.page.getByLabel(`Headcount of ${department}`, { exact: true });
  }

  /** Adds a department (the app focuses its name field) and names it. */
  async addDepartment(name: string): Promise<void> {
    const before = await this.nameFields.count();
    await this.addButton.click();
    await expect(this.nameFields).toHaveCount(before + 1);
    const field = this.nameFields.nth(before);
    await expect(field).toBeFocused();
    await field.fill(name);
    await expect(this.headcount(name)).toBeVisible();
  }
}
