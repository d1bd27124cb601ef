// Tests for id generation.
import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('joins the prefix and a version-4 UUID with an underscore', () => {
    expect(newId('goal')).toMatch(/^goal_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not repeat itself', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('m')));
    expect(ids.size).toBe(1000);
  });
});
