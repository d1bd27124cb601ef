// Named, ordered migrations that upgrade plan data one format version at a time, on plain JSON before validation.
import { PLAN_FORMAT_VERSION } from './versions';

/** Plain JSON object as stored or read from a file, before it is known to be a Plan. */
export type JsonRecord = Record<string, unknown>;

/** Upgrades plan data from `fromVersion` to `fromVersion + 1`. It receives a private copy and may change it. */
export interface PlanMigration {
  /** Unique and descriptive, e.g. "2-to-3: split owner into ownerName and ownerEmail"; tests are keyed by it. */
  readonly name: string;
  readonly fromVersion: number;
  readonly migrate: (plan: JsonRecord) => JsonRecord;
}

/**
 * The real registry. When PLAN_FORMAT_VERSION is bumped to n + 1, add the migration from n here and a before/after
 * case for it in migrations.test.ts. Steps are frozen once released: never edit one, add the next.
 */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [
  {
    name: '1-to-2: add currency, findings, dismissed conflicts, the model, targets and XLAs',
    fromVersion: 1,
    // Version 1 had no money anywhere, and the fixtures the app was built on are in dollars.
    migrate: (plan) => ({
      ...plan,
      settings: { currency: 'USD' },
      findings: [],
      conflictDismissals: [],
      model: null,
      targets: [],
      xlas: [],
    }),
  },
  {
    name: '2-to-3: add the saved runs of the model',
    fromVersion: 2,
    // Version 2 kept no results, so every model starts with none; a plan without a model stays without one.
    migrate: (plan) =>
      isRecord(plan.model) ? { ...plan, model: { ...plan.model, runs: { monteCarlo: null, sobol: null, morris: null } } } : plan,
  },
];

export type MigrationError =
  | { kind: 'unknown-version'; fromVersion: number }
  | { kind: 'newer-version'; fromVersion: number; currentVersion: number }
  | { kind: 'missing-migration'; fromVersion: number }
  | { kind: 'not-plain-object'; fromVersion: number }
  | { kind: 'migration-failed'; migration: string; fromVersion: number; detail: string };

export type MigrationResult =
  | { ok: true; data: unknown; applied: string[] }
  | { ok: false; error: MigrationError };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Problems with a registry: versions that do not form one step per version from 1 to currentVersion − 1, or
 * repeated names. Empty for a sound registry.
 */
export function registryProblems(migrations: readonly PlanMigration[], currentVersion: number): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) problems.push(`migration name ${JSON.stringify(m.name)} is used twice`);
    names.add(m.name);
  }
  for (let version = 1; version < currentVersion; version++) {
    const count = migrations.filter((m) => m.fromVersion === version).length;
    if (count === 0) problems.push(`no migration from version ${version} to ${version + 1}`);
    if (count > 1) problems.push(`${count} migrations from version ${version}`);
  }
  for (const m of migrations) {
    if (!Number.isInteger(m.fromVersion) || m.fromVersion < 1 || m.fromVersion >= currentVersion) {
      const range = `1..${currentVersion - 1}`;
      problems.push(`migration ${JSON.stringify(m.name)} starts at version ${m.fromVersion}, outside ${range}`);
    }
  }
  return problems;
}

/**
 * Brings plan data written at `fromVersion` up to `currentVersion` by applying each step in order. The input is
 * never modified (stored records and parsed files stay as they were); the result still needs validatePlan.
 * Never throws: a failing migration is reported with its name.
 */
export function migratePlanData(
  data: unknown,
  fromVersion: number,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
  currentVersion: number = PLAN_FORMAT_VERSION,
): MigrationResult {
  if (!Number.isSafeInteger(fromVersion) || fromVersion < 1) {
    return { ok: false, error: { kind: 'unknown-version', fromVersion } };
  }
  if (fromVersion > currentVersion) {
    return { ok: false, error: { kind: 'newer-version', fromVersion, currentVersion } };
  }
  if (fromVersion === currentVersion) return { ok: true, data, applied: [] };
  if (!isRecord(data)) return { ok: false, error: { kind: 'not-plain-object', fromVersion } };

  let current: JsonRecord;
  try {
    current = structuredClone(data);
  } catch {
    // Only values that are not plain JSON (functions, class instances with private state) fail to clone.
    return { ok: false, error: { kind: 'not-plain-object', fromVersion } };
  }
  const applied: string[] = [];
  for (let version = fromVersion; version < currentVersion; version++) {
    const step = migrations.find((m) => m.fromVersion === version);
    if (step === undefined) return { ok: false, error: { kind: 'missing-migration', fromVersion: version } };
    try {
      const next = step.migrate(current);
      if (!isRecord(next)) {
        const detail = 'it did not return an object';
        return { ok: false, error: { kind: 'migration-failed', migration: step.name, fromVersion: version, detail } };
      }
      current = next;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { kind: 'migration-failed', migration: step.name, fromVersion: version, detail } };
    }
    applied.push(step.name);
  }
  return { ok: true, data: current, applied };
}
