// Tests for the light input checks behind plan edits.
import { describe, expect, it } from 'vitest';
import { PlanEditError, checkedNumber, oneOf, optionalText, requiredText } from './validation';

describe('PlanEditError', () => {
  it('names the field in its message and exposes it', () => {
    const error = new PlanEditError('weight', 'must be at most 5.');
    expect(error.message).toBe('weight: must be at most 5.');
    expect(error.field).toBe('weight');
    expect(error.name).toBe('PlanEditError');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('checks', () => {
  it('trims required text and refuses blanks', () => {
    expect(requiredText('name', '  IT ')).toBe('IT');
    expect(() => requiredText('name', '\t\n')).toThrow('name: must not be empty.');
  });

  it('treats omitted optional text as empty', () => {
    expect(optionalText('note', undefined)).toBe('');
    expect(optionalText('note', ' a ')).toBe('a');
  });

  it('accepts finite numbers within bounds only', () => {
    expect(checkedNumber('w', 3, { min: 1, max: 5 })).toBe(3);
    expect(() => checkedNumber('w', NaN)).toThrow('w: must be a finite number (got NaN).');
    expect(() => checkedNumber('w', -Infinity)).toThrow('finite');
    expect(() => checkedNumber('w', 0.5, { min: 1 })).toThrow('w: must be at least 1 (got 0.5).');
    expect(() => checkedNumber('n', 1.5, { integer: true })).toThrow('n: must be a whole number (got 1.5).');
  });

  it('accepts only listed values', () => {
    expect(oneOf('kind', 'a', ['a', 'b'])).toBe('a');
    expect(() => oneOf('kind', 'c' as 'a', ['a', 'b'])).toThrow('kind: must be one of a, b (got c).');
  });
});
