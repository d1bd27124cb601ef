// Tests of field-error wording: paths readable by people, values described briefly and safely.
import { describe, expect, it } from 'vitest';
import { describeFound, formatPath } from './fieldError';

describe('formatPath', () => {
  it('writes dotted names and bracketed indices from the given root', () => {
    expect(formatPath('plan', ['goals', 2, 'name'])).toBe('plan.goals[2].name');
    expect(formatPath('', ['integrity', 'digest'])).toBe('integrity.digest');
  });

  it('quotes keys that are not plain identifiers, so any key a file holds is shown unambiguously', () => {
    expect(formatPath('plan', ['goals', 0, 'due date'])).toBe('plan.goals[0]["due date"]');
    expect(formatPath('', ['a.b'])).toBe('["a.b"]');
  });
});

describe('describeFound', () => {
  it('names the kind of value and shows short values', () => {
    expect(describeFound(undefined)).toBe('nothing');
    expect(describeFound(null)).toBe('null');
    expect(describeFound('')).toBe('empty text');
    expect(describeFound('up')).toBe('the text "up"');
    expect(describeFound(2.5)).toBe('the number 2.5');
    expect(describeFound(false)).toBe('the value false');
    expect(describeFound([1, 2])).toBe('a list of 2 items');
    expect(describeFound({})).toBe('an object');
  });

  it('cuts long text and escapes control characters', () => {
    expect(describeFound('x'.repeat(50))).toBe(`the text "${'x'.repeat(40)}"… (50 characters)`);
    expect(describeFound('a\nb')).toBe('the text "a\\nb"');
  });
});
