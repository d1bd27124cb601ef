// Hash-based routing, so the app works from any sub-path of a static host without server rewrites.

export const PLAN_TABS = ['overview', 'goals', 'metrics', 'departments', 'matrix', 'scorecards', 'data', 'correlation', 'targets', 'model'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export type Route = { name: 'plans' } | { name: 'plan'; planId: string; tab: PlanTab };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'plan' && parts[1]) {
    const tab = (PLAN_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as PlanTab) : 'overview';
    return { name: 'plan', planId: parts[1], tab };
  }
  return { name: 'plans' };
}

export function formatRoute(route: Route): string {
  return route.name === 'plans' ? '#/' : `#/plan/${encodeURIComponent(route.planId)}/${route.tab}`;
}

export class Router {
  #route = $state<Route>(parseHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.#route = parseHash(location.hash);
    });
  }

  get route(): Route {
    return this.#route;
  }

  go(route: Route): void {
    location.hash = formatRoute(route);
  }
}
