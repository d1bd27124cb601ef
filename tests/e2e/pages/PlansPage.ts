// Page object for the home screen: the plan list, creating plans, the sample workbook and importing plan files.
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { WorkspacePage } from './WorkspacePage';

export interface FileToImport {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class PlansPage {
  readonly page: Page;
  readonly newPlanName: Locator;
  readonly createButton: Locator;
  readonly sampleButton: Locator;
  readonly fileInput: Locator;
  readonly emptyState: Locator;
  readonly planTable: Locator;
  readonly importError: Locator;
  readonly conflictDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.newPlanName = page.getByLabel('Name of the new plan');
    this.createButton = page.getByRole('button', { name: 'Create plan' });
    this.sampleButton = page.getByRole('button', { name: 'Open the sample workbook' });
    this.fileInput = page.getByTestId('plan-file-input');
    this.emptyState = page.getByText('No plans in this browser yet');
    this.planTable = page.getByRole('table');
    this.importError = page.getByRole('alert').filter({ hasText: 'The file was not imported.' });
    this.conflictDialog = page.getByRole('dialog', { name: 'A plan with this identity already exists' });
  }

  /**
   * A colleague's browser: a new context with no site data at all (an empty IndexedDB), its plan list open. The
   * caller closes the context.
   */
  static async inFreshBrowser(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; plans: PlansPage }> {
    const context = await browser.newContext({ baseURL });
    const plans = new PlansPage(await context.newPage());
    await plans.goto();
    return { context, plans };
  }

  /** Opens the plan list (at `base`, e.g. a sub-path) and waits until the database is open for writing. */
  async goto(base = './'): Promise<void> {
    await this.page.goto(`${base}#/`);
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.createButton).toBeEnabled();
  }

  /** Back to the list from anywhere through the header link. */
  async openFromHeader(): Promise<void> {
    await this.page.getByRole('link', { name: 'All plans' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your plans' })).toBeVisible();
    await this.waitUntilReady();
  }

  planLink(name: string): Locator {
    return this.planTable.getByRole('link', { name, exact: true });
  }

  /** The plan names in the order the list shows them. */
  planNames(): Promise<string[]> {
    return this.planTable.getByRole('row').getByRole('link').allInnerTexts();
  }

  /** Fills the name and submits; the app then opens the new plan. */
  async createPlan(name: string): Promise<WorkspacePage> {
    await this.newPlanName.fill(name);
    await this.createButton.click();
    const workspace = new WorkspacePage(this.page);
    await expect(workspace.title).toHaveText(name);
    return workspace;
  }

  async openSample(): Promise<WorkspacePage> {
    await this.sampleButton.click();
    const workspace = new WorkspacePage(this.page);
    await expect(workspace.title).toHaveText(/^Northwind Telecom/);
    await workspace.waitUntilSaved();
    return workspace;
  }

  async openPlan(name: string): Promise<WorkspacePage> {
    await this.planLink(name).click();
    const workspace = new WorkspacePage(this.page);
    await expect(workspace.title).toHaveText(name);
    return workspace;
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${from}`, exact: true }).click();
    await this.renameField(from).fill(to);
    await this.page.getByRole('button', { name: 'Save name' }).click();
    await expect(this.planLink(to)).toBeVisible();
  }

  renameField(name: string): Locator {
    return this.page.getByLabel(`New name for ${name}`, { exact: true });
  }

  async duplicate(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Duplicate ${name}`, exact: true }).click();
    await expect(this.planLink(`${name} (copy)`)).toBeVisible();
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    await expect(this.planLink(name)).toHaveCount(0);
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('.toast').filter({ hasText: text });
  }

  /** Hands files to the hidden file input, as choosing them in the file dialog would. */
  async importFile(file: string | FileToImport): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }
}
