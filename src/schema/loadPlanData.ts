// The one path from untrusted plan data (a stored record or an imported file) to a Plan: migrate, then validate.
import type { Plan } from '../domain/plan/types';
import type { FieldError } from './fieldError';
import { migratePlanData, PLAN_MIGRATIONS, type MigrationError, type PlanMigration } from './migrations';
import { validatePlan } from './planSchema';
import type { Result } from './result';
import { PLAN_FORMAT_VERSION } from './versions';

export interface LoadedPlan {
  plan: Plan;
  /** The version the data was written in when it had to be upgraded; null when it was already current. */
  migratedFrom: number | null;
}

export type LoadPlanError = MigrationError | { kind: 'invalid'; errors: FieldError[] };

/** Registry and target version; tests pass a fake registry, the app always uses the defaults. */
export interface MigrationSetup {
  migrations?: readonly PlanMigration[];
  currentVersion?: number;
}

/**
 * Upgrades plan data written at `formatVersion` and validates the result. Both storage and plan-file import go
 * through here, so stored plans and files cannot be read by different rules. Never throws.
 */
export function loadPlanData(
  data: unknown,
  formatVersion: number,
  setup: MigrationSetup = {},
): Result<LoadedPlan, LoadPlanError> {
  const currentVersion = setup.currentVersion ?? PLAN_FORMAT_VERSION;
  const migrated = migratePlanData(data, formatVersion, setup.migrations ?? PLAN_MIGRATIONS, currentVersion);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const validated = validatePlan(migrated.data);
  if (!validated.ok) return { ok: false, error: { kind: 'invalid', errors: validated.error } };
  return {
    ok: true,
    value: { plan: validated.value, migratedFrom: formatVersion === currentVersion ? null : formatVersion },
  };
}
