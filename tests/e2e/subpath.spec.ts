// Relocatable build: served under a sub-path of a static host, the app and all its files load from that sub-path.
import { test, expect } from './support/test';
import { TAB_IDS, TAB_HEADINGS } from './pages/WorkspacePage';

const SUB_PATH = 'team/plans/cx-align/';

test('under /team/plans/cx-align/ the app opens the sample and every tab, with no failed request', async ({ plans, page, baseURL }) => {
  const root = new URL(SUB_PATH, baseURL).href;
  const failures: string[] = [];
  const urls: string[] = [];
  page.on('response', (response) => {
    urls.push(response.url());
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failures.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`));

  await plans.goto(SUB_PATH);
  expect(page.url()).toBe(`${root}#/`);
  const workspace = await plans.openSample();
  expect(page.url()).toMatch(new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#/plan/[^/]+/overview$`));
  for (const tab of TAB_IDS) {
    await workspace.goToTab(tab);
    await expect(page.getByRole('heading', { level: 2, name: TAB_HEADINGS[tab], exact: true })).toBeAttached();
    // The sample's datasets come from a lazily loaded chunk, so listing them shows that chunk loaded from the sub-path.
    if (tab === 'data') await expect(page.getByRole('article', { name: 'Dataset Monthly KPIs 2021–2025' })).toBeVisible();
  }

  expect(failures).toEqual([]);
  expect(urls.length).toBeGreaterThan(3);
  expect(urls.filter((url) => url.startsWith('http') && !url.startsWith(root))).toEqual([]);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(root);
});
