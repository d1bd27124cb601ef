// Valibot building blocks shared by the plan and plan-file schemas, each with a "expected X but found Y" message.
import * as v from 'valibot';
import { describeFound } from './fieldError';

// Date.prototype.toISOString output, optionally with a numeric offset; the calendar is checked separately.
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** True for an ISO 8601 date-time with seconds and a zone ("2026-11-23T10:00:00.000Z"), on a real calendar day. */
export function isIsoTimestamp(text: string): boolean {
  const m = ISO_TIMESTAMP.exec(text);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day > daysInMonth) return false;
  const offsetHours = m[7] === undefined ? 0 : Number(m[7]);
  const offsetMinutes = m[8] === undefined ? 0 : Number(m[8]);
  return offsetHours <= 23 && offsetMinutes <= 59;
}

/** A JSON-style object: not an array, not a class instance. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function expected(what: string) {
  return (issue: v.BaseIssue<unknown>): string => `expected ${what} but found ${describeFound(issue.input)}`;
}

/** A strict object: arrays and class instances are refused, unknown fields are named, missing ones reported. */
export function record<const TEntries extends v.ObjectEntries>(what: string, entries: TEntries) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainRecord, expected(what)),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never') {
        return `unexpected field ${JSON.stringify(String(issue.input))}: it is not part of the format`;
      }
      if (issue.expected === 'Object') return expected(what)(issue);
      return `required field ${issue.expected ?? ''} is missing`;
    }),
  );
}

export function text(max: number, what = 'text') {
  return v.pipe(
    v.string(expected(what)),
    v.maxLength(max, (issue) => `expected at most ${max} characters but found ${issue.input.length}`),
  );
}

export function nonEmptyText(max: number, what: string) {
  return v.pipe(
    v.string(expected(what)),
    v.minLength(1, expected(what)),
    v.maxLength(max, (issue) => `expected at most ${max} characters but found ${issue.input.length}`),
  );
}

export function numberIn(min: number, max: number, what: string) {
  const message = expected(what);
  return v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message));
}

export function wholeNumberIn(min: number, max: number, what: string) {
  const message = expected(what);
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

export function finite(what: string) {
  const message = expected(what);
  return v.pipe(v.number(message), v.finite(message));
}

export function finiteOrNull(what: string) {
  const message = expected(what);
  return v.nullable(v.pipe(v.number(message), v.finite(message)));
}

export function oneOf<const TOptions extends readonly string[]>(options: TOptions) {
  return v.picklist(options, expected(`one of ${options.map((o) => JSON.stringify(o)).join(', ')}`));
}

export function list<const TItem extends v.GenericSchema>(item: TItem, max: number, what: string) {
  return v.pipe(
    v.array(item, expected(what)),
    v.maxLength(max, (issue) => `expected at most ${max} items but found ${issue.input.length}`),
  );
}

export function timestamp() {
  const message = expected('an ISO 8601 timestamp like "2026-11-23T10:00:00.000Z"');
  return v.pipe(v.string(message), v.check(isIsoTimestamp, message));
}
