// Field-level validation errors: where in a file a value is wrong, what was found there and what was expected.
import type * as v from 'valibot';

/** One problem at one place, e.g. `{ path: 'plan.goals[2].name', message: 'expected text but found the number 5' }`. */
export interface FieldError {
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const QUOTE_LIMIT = 40;

/** A short plain-English description of a value, for "… but found X" messages. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.length === 0) return 'empty text';
    if (value.length > QUOTE_LIMIT) {
      return `the text ${JSON.stringify(value.slice(0, QUOTE_LIMIT))}… (${value.length} characters)`;
    }
    return `the text ${JSON.stringify(value)}`;
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  if (Array.isArray(value)) return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  if (typeof value === 'object') return 'an object';
  return `a value of type ${typeof value}`;
}

/** Joins a root name and path segments as "plan.goals[2].name"; odd keys are quoted ("plan['a b']"). */
export function formatPath(root: string, segments: readonly (string | number)[]): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Converts valibot issues to field errors with paths under `root` ('' for the file's top level). */
export function issuesToFieldErrors(root: string, issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => {
    const segments = (issue.path ?? []).map((item) => {
      const key: unknown = item.key;
      return typeof key === 'number' ? key : String(key);
    });
    const path = formatPath(root, segments);
    return { path: path === '' ? '(top level)' : path, message: issue.message };
  });
}
