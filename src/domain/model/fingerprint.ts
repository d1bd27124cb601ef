// A short deterministic fingerprint of everything a model's results depend on, so a saved run can tell it is out of date.
import type { Plan } from '../plan/types';
import type { PlanModel } from './stored';

/**
 * JSON with object keys sorted at every level (UTF-16 code unit order) and arrays in their own order, so equal data
 * gives equal text whatever order its keys were written in (a plan read from a file, from storage or built in memory).
 */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${sortedJson(record[key])}`);
  return `{${fields.join(',')}}`;
}

/**
 * The canonical JSON of everything compileModel reads: the departments' ids and names, the metrics, the scorecard,
 * the goals' KPI metrics (in goal order) and the model without its saved runs. Names count because they label the
 * inputs and outcomes a run reports. Whatever else the plan holds (descriptions, targets, findings, updatedAt…) and
 * the saved runs themselves leave it unchanged. If compileModel ever reads another part of the plan, add it here.
 */
export function modelInputsJson(plan: Plan, model: PlanModel): string {
  const { runs: _runs, ...inputs } = model;
  return sortedJson({
    departments: plan.departments.map((d) => ({ id: d.id, name: d.name })),
    metrics: plan.metrics,
    scorecard: plan.scorecard,
    goalKpis: plan.goals.map((g) => g.kpiMetricId),
    model: inputs,
  });
}

/**
 * cyrb53 (bryc, public domain): a fast non-cryptographic 53-bit string hash from two 32-bit multiply-xorshift
 * lanes over the UTF-16 code units. Good spread for telling versions of a model apart; not a defence against
 * anyone crafting collisions, which the fingerprint does not need to be (it only decides whether to show a note).
 */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Fingerprints are always this many lowercase hex digits (53 bits, zero-padded). */
export const FINGERPRINT_LENGTH = 14;

/** The fingerprint of model inputs written by modelInputsJson: their cyrb53 as 14 lowercase hex digits. */
export function fingerprintOf(inputsJson: string): string {
  return cyrb53(inputsJson).toString(16).padStart(FINGERPRINT_LENGTH, '0');
}

/** The fingerprint of a plan's model inputs: the same for any two plans whose model would compute the same results. */
export function modelFingerprint(plan: Plan, model: PlanModel): string {
  return fingerprintOf(modelInputsJson(plan, model));
}
