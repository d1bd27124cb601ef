// Page object for the Goals tab: adding goals, naming them and choosing the KPI that measures each.
import { expect, type Locator, type Page } from '@playwright/test';

export class GoalsTab {
  readonly page: Page;
  readonly addButton: Locator;
  readonly goals: Locator;

  constructor(page: Page) {
    this.page = page;
    this.addButton = page.getByRole('button', { name: '+ Add goal', exact: true });
    this.goals = page.getByRole('article').filter({ has: page.getByLabel('Goal', { exact: true }) });
  }

  goal(name: string): Locator {
    return this.page.getByRole('article', { name: `Goal: ${name}`, exact: true });
  }

  nameField(goal: Locator): Locator {
    return goal.getByLabel('Goal', { exact: true });
  }

  kpiSelect(goal: Locator): Locator {
    return goal.getByLabel('Corporate KPI that measures it');
  }

  /** Adds a goal (the app focuses its name field), names it and, if given, picks its KPI by the metric's name. */
  async addGoal(name: string, kpi?: string): Promise<Locator> {
    const before = await this.goals.count();
    await this.addButton.click();
    await expect(this.goals).toHaveCount(before + 1);
    const added = this.goals.nth(before);
    await expect(this.nameField(added)).toBeFocused();
    await this.nameField(added).fill(name);
    if (kpi !== undefined) await this.kpiSelect(added).selectOption({ label: kpi });
    await expect(this.goal(name)).toBeVisible();
    return this.goal(name);
  }
}
