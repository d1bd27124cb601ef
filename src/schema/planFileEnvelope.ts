// The wrapper every plan file carries around its plan: format identity, version, provenance and integrity digest.
import * as v from 'valibot';
import { issuesToFieldErrors, type FieldError } from './fieldError';
import type { Result } from './result';
import { expected, nonEmptyText, record, timestamp, wholeNumberIn } from './schemaParts';
import { PLAN_FORMAT } from './versions';

export const INTEGRITY_ALGORITHM = 'SHA-256';
export const APP_VERSION_MAX_LENGTH = 50;

/**
 * The envelope as written by every format version so far; the plan inside is checked separately, after any
 * migration, because its shape depends on formatVersion.
 */
export const PlanFileEnvelopeSchema = record('a plan file (a JSON object)', {
  format: v.literal(PLAN_FORMAT, expected(JSON.stringify(PLAN_FORMAT))),
  formatVersion: wholeNumberIn(1, Number.MAX_SAFE_INTEGER, 'a whole number from 1 up'),
  appVersion: nonEmptyText(APP_VERSION_MAX_LENGTH, 'the version of the app that wrote the file (non-empty text)'),
  exportedAt: timestamp(),
  integrity: record('an integrity object', {
    algorithm: v.literal(INTEGRITY_ALGORITHM, expected(JSON.stringify(INTEGRITY_ALGORITHM))),
    digest: v.pipe(
      v.string(expected('64 lowercase hexadecimal digits')),
      v.regex(/^[0-9a-f]{64}$/, expected('64 lowercase hexadecimal digits')),
    ),
  }),
  plan: v.unknown(),
});

export type PlanFileEnvelope = v.InferOutput<typeof PlanFileEnvelopeSchema>;

/** Checks the envelope fields; paths are from the file's top level ("integrity.digest"). Never throws. */
export function validateEnvelope(data: unknown): Result<PlanFileEnvelope, FieldError[]> {
  const parsed = v.safeParse(PlanFileEnvelopeSchema, data, { abortEarly: false, abortPipeEarly: true });
  if (!parsed.success) return { ok: false, error: issuesToFieldErrors('', parsed.issues) };
  return { ok: true, value: parsed.output };
}
