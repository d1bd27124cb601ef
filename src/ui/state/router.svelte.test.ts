import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash } from './router.svelte';

describe('hash routes', () => {
  it('reads the plans list from an empty or root hash', () => {
    expect(parseHash('')).toEqual({ name: 'plans' });
    expect(parseHash('#/')).toEqual({ name: 'plans' });
  });

  it('reads a plan tab and falls back to the overview for an unknown tab', () => {
    expect(parseHash('#/plan/abc/matrix')).toEqual({ name: 'plan', planId: 'abc', tab: 'matrix' });
    expect(parseHash('#/plan/abc/nonsense')).toEqual({ name: 'plan', planId: 'abc', tab: 'overview' });
  });

  it('round-trips plan ids with characters that need escaping', () => {
    const route = { name: 'plan', planId: 'a b/ç', tab: 'goals' } as const;
    expect(parseHash(formatRoute(route))).toEqual(route);
  });
});
