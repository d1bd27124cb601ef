// Nothing leaves the machine: a full session requests only the app's own origin, and a CSP forbids anything else.
import { test, expect } from './support/test';
import { TAB_IDS } from './pages/WorkspacePage';

test('a full session (sample, every tab, export) requests nothing but the app’s own files', async ({ plans, page, context, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const requests: string[] = [];
  // The context also sees the service worker's own requests.
  context.on('request', (request) => requests.push(request.url()));

  await plans.goto();
  const workspace = await plans.openSample();
  for (const tab of TAB_IDS) await workspace.goToTab(tab);
  const exported = await workspace.exportPlan();
  expect(exported.json.format).toBe('cx-align-plan');

  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
});

test('the page carries a Content-Security-Policy that allows only its own origin', async ({ page }) => {
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).not.toBeNull();
  const directives = new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('connect-src')).toBe("'self'");
  expect(directives.get('script-src')).toBe("'self'");
  expect(directives.get('object-src')).toBe("'none'");
});
