// Databases left by released app versions open in this version with every record intact.
// Each released schema version adds its dump (fixtures/db-vN.json) to FIXTURES and one test that loads it.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CxDatabase, DATABASE_VERSION } from './db';
import { openDatabase } from './errors';
import { getPlan, getVersion, listDeletedPlans, listPlans, listVersions, renamePlan } from './planRepository';
import { findByContentHash, listDatasets, readColumn } from './datasetRepository';
import { getSetting } from './settingsRepository';
import {
  decodeValue,
  loadFixtureDatabase,
  parseDump,
  readSchema,
  type DatabaseDump,
  type OnDiskSchema,
} from './fixtures/loadFixtureDatabase';
import { uniqueDbName } from './fixtures/testing';
import dbV1Json from './fixtures/db-v1.json';
import dbV2Json from './fixtures/db-v2.json';
import { packText } from './packedText';
import { PLAN_FORMAT_VERSION } from '../schema/versions';

const FIXTURES: DatabaseDump[] = [parseDump(dbV1Json), parseDump(dbV2Json)];

/** The text column of both fixtures' dataset, as the app reads it. */
const FIXTURE_TEXT = ['Quick answer', 'Held for "ages", then cut off', null, '=SUM(A1:A3)', '👍 friendly'];

/** A stored row as the app reads it: a format-1 plan gains the defaults migration 1-to-2 adds. */
function upgradedPlanFormat(row: unknown): unknown {
  const record = row as { formatVersion?: number; plan?: object };
  if (record.formatVersion !== 1 || record.plan === undefined) return row;
  const plan = {
    ...record.plan,
    settings: { currency: 'USD' },
    findings: [],
    conflictDismissals: [],
    model: null,
    targets: [],
    xlas: [],
  };
  return { ...record, formatVersion: PLAN_FORMAT_VERSION, plan };
}

const names: string[] = [];
function dbName(): string {
  const name = uniqueDbName('cx-migrate');
  names.push(name);
  return name;
}

afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

async function openFixture(dump: DatabaseDump): Promise<CxDatabase> {
  const name = dbName();
  await loadFixtureDatabase(name, dump);
  const result = await openDatabase(name);
  if (!result.ok) throw new Error(result.message);
  return result.db;
}

/** A store's key and indexes in a comparable form (IndexedDB lists indexes sorted by name). */
function schemaOf(store: OnDiskSchema['stores'][string]): OnDiskSchema['stores'][string] {
  const indexes = [...store.indexes].sort((a, b) => a.name.localeCompare(b.name));
  return { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
}

describe('database fixtures', () => {
  it('include a dump of the current schema version, taken from the schema this app creates', async () => {
    const newest = FIXTURES.at(-1);
    expect(newest?.dexieVersion).toBe(DATABASE_VERSION);
    if (newest === undefined) return;

    const name = dbName();
    const db = new CxDatabase(name);
    await db.open();
    db.close();
    const created = await readSchema(name);

    expect(created.version).toBe(DATABASE_VERSION * 10);
    const fixtureStores = Object.fromEntries(Object.entries(newest.stores).map(([n, store]) => [n, schemaOf(store)]));
    const createdStores = Object.fromEntries(Object.entries(created.stores).map(([n, store]) => [n, schemaOf(store)]));
    expect(fixtureStores).toEqual(createdStores);
  });
});

describe('a version 1 database', () => {
  const dump = FIXTURES[0] as DatabaseDump;

  it('opens without being patched or re-created', async () => {
    const db = await openFixture(dump);
    expect(db.backendDB().version).toBe(DATABASE_VERSION * 10);
    expect(await db.plans.count()).toBe(2);
    db.close();
  });

  it('reads back every plan, version, dataset, chunk and setting', async () => {
    const db = await openFixture(dump);
    // Plans and versions of format 1 come back upgraded to the current plan format, like a version-1 plan file.
    const stored = (table: string) => (dump.stores[table]?.rows ?? []).map(decodeValue).map(upgradedPlanFormat);

    expect((await listPlans(db)).map((p) => [p.id, p.name, p.revision, p.lastExportedAt])).toEqual([
      ['plan-retention', 'Retention 2024', 2, '2024-03-01T11:00:00.000Z'],
    ]);
    expect((await listDeletedPlans(db)).map((p) => p.id)).toEqual(['plan-old']);

    const retention = await getPlan(db, 'plan-retention');
    expect(retention).toEqual({ status: 'found', value: stored('plans')[0] });
    if (retention.status !== 'found') return;
    expect(retention.value.plan.guardrails[0]?.guardMetricId).toBe('m-nps');
    expect(retention.value.plan.metrics.map((m) => m.key)).toEqual(['nps', 'churn', 'aht']);

    const versions = await listVersions(db, 'plan-retention');
    expect(versions.map((v) => [v.seq, v.revision, v.label])).toEqual([
      [3, 2, 'rename'],
      [2, 1, 'create'],
    ]);
    expect(await getVersion(db, 2)).toEqual({ status: 'found', value: stored('planVersions')[1] });

    const [dataset] = await listDatasets(db, 'plan-retention');
    expect(dataset).toEqual(stored('datasets')[0]);
    expect(await findByContentHash(db, 'plan-retention', 'sha256:9f2c4e0b7d1a')).toEqual(dataset);
    expect(await readColumn(db, 'ds-kpis', 0)).toEqual(
      Float64Array.from([0, 1, 2, 3, 4], (m) => Date.UTC(2024, m, 1)),
    );
    expect(await readColumn(db, 'ds-kpis', 1)).toEqual(Float64Array.of(31, NaN, 35.5, -2, 40));
    expect(await readColumn(db, 'ds-kpis', 2)).toEqual(Int32Array.of(0, 1, -1, 0, 1));
    expect(await readColumn(db, 'ds-kpis', 3)).toEqual(FIXTURE_TEXT);

    expect(await getSetting(db, 'lastOpenPlanId')).toBe('plan-retention');
    db.close();
  });

  it('continues the history after the stored versions', async () => {
    const db = await openFixture(dump);
    const record = await renamePlan(db, 'plan-retention', 'Retention FY25');
    expect(record.revision).toBe(3);
    expect((await listVersions(db, 'plan-retention'))[0]).toMatchObject({ seq: 4, revision: 3, label: 'rename' });
    db.close();
  });
});

describe('upgrading a version 1 database to version 2', () => {
  it('packs its text chunks on disk and leaves the typed-array chunks as they were', async () => {
    const dump = FIXTURES[0] as DatabaseDump;
    const db = await openFixture(dump);
    const rows = (dump.stores.chunks?.rows ?? []).map(decodeValue) as { column: number; index: number; data: unknown }[];
    for (const row of rows) {
      const chunk = await db.chunks.get(['ds-kpis', row.column, row.index]);
      expect(chunk?.data).toEqual(Array.isArray(row.data) ? packText(row.data as (string | null)[]) : row.data);
    }
    db.close();
  });
});

describe('a version 2 database', () => {
  const dump = FIXTURES[1] as DatabaseDump;

  it('opens as it is and reads back every dataset column, packed text included', async () => {
    const db = await openFixture(dump);
    expect(db.backendDB().version).toBe(DATABASE_VERSION * 10);
    expect(await readColumn(db, 'ds-kpis', 1)).toEqual(Float64Array.of(31, NaN, 35.5, -2, 40));
    expect(await readColumn(db, 'ds-kpis', 2)).toEqual(Int32Array.of(0, 1, -1, 0, 1));
    expect(await readColumn(db, 'ds-kpis', 3)).toEqual(FIXTURE_TEXT);
    expect((await listPlans(db)).map((p) => p.id)).toEqual(['plan-retention']);
    db.close();
  });
});
