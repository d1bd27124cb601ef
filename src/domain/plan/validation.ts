// The light checks plan edits apply and the error they throw (callers validate first; a throw is a bug).

/**
 * Thrown by plan edit operations when an argument is invalid or refers to something that is not in the plan.
 * `field` names the offending field so a form can point at it; the message names it too.
 */
export class PlanEditError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'PlanEditError';
    this.field = field;
  }
}

/** A required single-line text: trimmed, and refused when empty. */
export function requiredText(field: string, value: string): string {
  if (typeof value !== 'string') throw new PlanEditError(field, 'must be text.');
  const trimmed = value.trim();
  if (trimmed === '') throw new PlanEditError(field, 'must not be empty.');
  return trimmed;
}

/** An optional free text: trimmed at both ends; may be empty. */
export function optionalText(field: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new PlanEditError(field, 'must be text.');
  return value.trim();
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A finite number within optional bounds (inclusive). */
export function checkedNumber(field: string, value: number, rule: NumberRule = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlanEditError(field, `must be a finite number (got ${String(value)}).`);
  }
  if (rule.integer === true && !Number.isInteger(value)) {
    throw new PlanEditError(field, `must be a whole number (got ${value}).`);
  }
  if (rule.min !== undefined && value < rule.min) {
    throw new PlanEditError(field, `must be at least ${rule.min} (got ${value}).`);
  }
  if (rule.max !== undefined && value > rule.max) {
    throw new PlanEditError(field, `must be at most ${rule.max} (got ${value}).`);
  }
  return value;
}

/** One of a fixed set of string values (guards against untyped callers passing arbitrary strings). */
export function oneOf<T extends string>(field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new PlanEditError(field, `must be one of ${allowed.join(', ')} (got ${String(value)}).`);
  }
  return value;
}
