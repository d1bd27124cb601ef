// Tests of the migration mechanism (with a fake registry) and of the real registry: sound, and every step exercised.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_SAVED_RUNS } from '../domain/model/savedRuns';
import { northwindPlan } from './fixtures/northwindPlan';
import { loadPlanData } from './loadPlanData';
import { migratePlanData, PLAN_MIGRATIONS, registryProblems, type JsonRecord, type PlanMigration } from './migrations';
import { PLAN_FORMAT_VERSION } from './versions';

/**
 * One before/after case per real migration, keyed by its name. Adding a migration to PLAN_MIGRATIONS without a case
 * here fails "every registered migration is exercised".
 */
const version1Plan = (JSON.parse(readFileSync(new URL('./fixtures/northwind-telecom-v1.cxplan.json', import.meta.url), 'utf8')) as {
  plan: JsonRecord;
}).plan;

const version2Plan = (JSON.parse(readFileSync(new URL('./fixtures/northwind-telecom-v2.cxplan.json', import.meta.url), 'utf8')) as {
  plan: JsonRecord;
}).plan;

const MIGRATION_CASES: Record<string, { before: JsonRecord; after: JsonRecord }> = {
  '1-to-2: add currency, findings, dismissed conflicts, the model, targets and XLAs': {
    before: version1Plan,
    after: {
      ...version1Plan,
      settings: { currency: 'USD' },
      findings: [],
      conflictDismissals: [],
      model: null,
      targets: [],
      xlas: [],
    },
  },
  '2-to-3: add the saved runs of the model': {
    before: version2Plan,
    after: {
      ...version2Plan,
      model: { ...(version2Plan.model as JsonRecord), runs: { monteCarlo: null, sobol: null, morris: null } },
    },
  },
};

/** Names of registered migrations with no case, and of cases with no registered migration. */
function coverageGaps(
  migrations: readonly PlanMigration[],
  cases: Record<string, unknown>,
): { untested: string[]; orphaned: string[] } {
  const names = new Set(migrations.map((m) => m.name));
  return {
    untested: [...names].filter((name) => !(name in cases)),
    orphaned: Object.keys(cases).filter((name) => !names.has(name)),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const asRecords = (value: unknown): JsonRecord[] => value as JsonRecord[];

/**
 * A made-up history for testing the mechanism: in version 1 goals had `title` instead of `name`; version 2 renamed
 * it; version 3 (= today's Plan) added `owner`.
 */
const FAKE_MIGRATIONS: readonly PlanMigration[] = [
  {
    name: '2-to-3: add goal owner',
    fromVersion: 2,
    migrate: (plan) => {
      for (const goal of asRecords(plan.goals)) goal.owner = '';
      return plan;
    },
  },
  {
    name: '1-to-2: rename goal title to name',
    fromVersion: 1,
    migrate: (plan) => {
      for (const goal of asRecords(plan.goals)) {
        goal.name = goal.title;
        delete goal.title;
      }
      return plan;
    },
  },
];
const FAKE_CURRENT = 3;

function fakeVersion1(): JsonRecord {
  const plan = structuredClone(northwindPlan) as unknown as JsonRecord;
  plan.goals = asRecords(plan.goals).map(({ name, owner: _owner, ...rest }) => ({ ...rest, title: name }));
  return plan;
}

const expectedFromFake = {
  ...northwindPlan,
  goals: northwindPlan.goals.map((g) => ({ ...g, owner: '' })),
};

describe('the real migration registry', () => {
  it('has exactly one step for every version from 1 up to PLAN_FORMAT_VERSION', () => {
    expect(registryProblems(PLAN_MIGRATIONS, PLAN_FORMAT_VERSION)).toEqual([]);
  });

  it('every registered migration is exercised by a before/after case', () => {
    expect(coverageGaps(PLAN_MIGRATIONS, MIGRATION_CASES)).toEqual({ untested: [], orphaned: [] });
    for (const migration of PLAN_MIGRATIONS) {
      const testCase = MIGRATION_CASES[migration.name]!;
      expect(migration.migrate(structuredClone(testCase.before)), migration.name).toEqual(testCase.after);
    }
  });

  it('2-to-3 leaves a plan without a model as it was', () => {
    const migration = PLAN_MIGRATIONS.find((m) => m.fromVersion === 2)!;
    const withoutModel = { ...version2Plan, model: null };
    expect(migration.migrate(structuredClone(withoutModel))).toEqual(withoutModel);
  });

  it('brings the version-2 golden plan up to a valid current plan', () => {
    expect(loadPlanData(version2Plan, 2)).toEqual({
      ok: true,
      value: { plan: { ...northwindPlan, model: { ...northwindPlan.model, runs: NO_SAVED_RUNS } }, migratedFrom: 2 },
    });
  });

  it('leaves current-version data as it is', () => {
    const result = migratePlanData(northwindPlan, PLAN_FORMAT_VERSION);
    expect(result).toEqual({ ok: true, data: northwindPlan, applied: [] });
  });
});

describe('migratePlanData', () => {
  it('applies each step in version order, whatever the registry order', () => {
    const result = migratePlanData(fakeVersion1(), 1, FAKE_MIGRATIONS, FAKE_CURRENT);
    expect(result).toEqual({
      ok: true,
      data: expectedFromFake,
      applied: ['1-to-2: rename goal title to name', '2-to-3: add goal owner'],
    });
  });

  it('starts from the version the data was written in', () => {
    const version2 = structuredClone(northwindPlan) as unknown as JsonRecord;
    for (const goal of asRecords(version2.goals)) delete goal.owner;
    const result = migratePlanData(version2, 2, FAKE_MIGRATIONS, FAKE_CURRENT);
    expect(result).toEqual({ ok: true, data: expectedFromFake, applied: ['2-to-3: add goal owner'] });
  });

  it('never changes the data it was given', () => {
    const input = deepFreeze(fakeVersion1());
    const snapshot = structuredClone(input);
    const result = migratePlanData(input, 1, FAKE_MIGRATIONS, FAKE_CURRENT);
    expect(result.ok).toBe(true);
    expect(input).toEqual(snapshot);
  });

  it('refuses data newer than the current version', () => {
    expect(migratePlanData({}, 4, FAKE_MIGRATIONS, FAKE_CURRENT)).toEqual({
      ok: false,
      error: { kind: 'newer-version', fromVersion: 4, currentVersion: 3 },
    });
  });

  it('refuses versions that are not whole numbers from 1', () => {
    for (const version of [0, -1, 1.5, Number.NaN]) {
      expect(migratePlanData({}, version, FAKE_MIGRATIONS, FAKE_CURRENT)).toEqual({
        ok: false,
        error: { kind: 'unknown-version', fromVersion: version },
      });
    }
  });

  it('reports a gap in the registry instead of skipping a step', () => {
    const withoutSecond = FAKE_MIGRATIONS.filter((m) => m.fromVersion !== 2);
    expect(migratePlanData(fakeVersion1(), 1, withoutSecond, FAKE_CURRENT)).toEqual({
      ok: false,
      error: { kind: 'missing-migration', fromVersion: 2 },
    });
  });

  it('reports a failing migration by name, without throwing', () => {
    const result = migratePlanData({ goals: 'not a list' }, 1, FAKE_MIGRATIONS, FAKE_CURRENT);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'migration-failed', migration: '1-to-2: rename goal title to name', fromVersion: 1 },
    });
  });

  it('reports a migration that returns something other than an object', () => {
    const broken: PlanMigration[] = [{ name: 'broken', fromVersion: 1, migrate: () => [] as unknown as JsonRecord }];
    expect(migratePlanData({}, 1, broken, 2)).toEqual({
      ok: false,
      error: { kind: 'migration-failed', migration: 'broken', fromVersion: 1, detail: 'it did not return an object' },
    });
  });

  it('refuses to migrate data that is not an object', () => {
    for (const data of [null, [], 'plan', 3]) {
      expect(migratePlanData(data, 1, FAKE_MIGRATIONS, FAKE_CURRENT)).toEqual({
        ok: false,
        error: { kind: 'not-plain-object', fromVersion: 1 },
      });
    }
  });
});

describe('registryProblems', () => {
  it('accepts a complete registry', () => {
    expect(registryProblems(FAKE_MIGRATIONS, FAKE_CURRENT)).toEqual([]);
  });

  it('finds gaps, doubles, repeated names and steps outside the version range', () => {
    const first = FAKE_MIGRATIONS[1]!;
    const registry: PlanMigration[] = [
      first,
      { ...first, name: 'another 1-to-2' },
      { ...first, name: '1-to-2: rename goal title to name', fromVersion: 3 },
    ];
    expect(registryProblems(registry, FAKE_CURRENT)).toEqual([
      'migration name "1-to-2: rename goal title to name" is used twice',
      '2 migrations from version 1',
      'no migration from version 2 to 3',
      'migration "1-to-2: rename goal title to name" starts at version 3, outside 1..2',
    ]);
  });
});

describe('the coverage check behind "every registered migration is exercised"', () => {
  it('names a registered migration that has no case, and a case with no migration', () => {
    const cases = { '1-to-2: rename goal title to name': {}, 'gone: removed long ago': {} };
    expect(coverageGaps(FAKE_MIGRATIONS, cases)).toEqual({
      untested: ['2-to-3: add goal owner'],
      orphaned: ['gone: removed long ago'],
    });
  });
});

describe('loadPlanData', () => {
  it('migrates older data and validates it, saying which version it came from', () => {
    const setup = { migrations: FAKE_MIGRATIONS, currentVersion: FAKE_CURRENT };
    expect(loadPlanData(fakeVersion1(), 1, setup)).toEqual({
      ok: true,
      value: { plan: expectedFromFake, migratedFrom: 1 },
    });
  });

  it('reads current data without migrating it', () => {
    expect(loadPlanData(northwindPlan, PLAN_FORMAT_VERSION)).toEqual({
      ok: true,
      value: { plan: northwindPlan, migratedFrom: null },
    });
  });

  it('validates after migrating, so a bad old plan is refused with field paths', () => {
    const old = fakeVersion1();
    asRecords(old.goals)[0]!.title = 42;
    const result = loadPlanData(old, 1, { migrations: FAKE_MIGRATIONS, currentVersion: FAKE_CURRENT });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'invalid',
        errors: [{ path: 'plan.goals[0].name', message: 'expected text but found the number 42' }],
      },
    });
  });

  it('passes on a newer version as an error, not an exception', () => {
    expect(loadPlanData(northwindPlan, PLAN_FORMAT_VERSION + 1)).toEqual({
      ok: false,
      error: { kind: 'newer-version', fromVersion: PLAN_FORMAT_VERSION + 1, currentVersion: PLAN_FORMAT_VERSION },
    });
  });
});
