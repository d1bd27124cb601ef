// Tests of plan files: the golden files of each version, round trips of arbitrary plans, and every kind of hostile or broken file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan/types';
import { northwindPlan } from '../schema/fixtures/northwindPlan';
import type { JsonRecord, PlanMigration } from '../schema/migrations';
import { planArbitrary } from '../schema/planArbitrary';
import { PLAN_FORMAT_VERSION } from '../schema/versions';
import { canonicalStringify } from './canonicalJson';
import {
  describePlanFileError,
  exportPlanFile,
  MAX_PLAN_FILE_BYTES,
  PlanExportError,
  planFileName,
  readPlanFile,
  type PlanFileError,
  type PlanFileResult,
} from './planFile';

const golden = readFileSync(new URL('../schema/fixtures/northwind-telecom-v3.cxplan.json', import.meta.url), 'utf8');
const goldenV2 = readFileSync(new URL('../schema/fixtures/northwind-telecom-v2.cxplan.json', import.meta.url), 'utf8');
const goldenV1 = readFileSync(new URL('../schema/fixtures/northwind-telecom-v1.cxplan.json', import.meta.url), 'utf8');
const EXPORTED_AT = new Date('2026-11-23T10:00:00.000Z');
const exportOptions = { appVersion: '0.1.0', now: EXPORTED_AT };

/** Builds a file around any plan data with a correct digest, computed independently with node:crypto. */
function fileText(plan: unknown, envelope: JsonRecord = {}): string {
  const digest = createHash('sha256').update(canonicalStringify(plan)).digest('hex');
  return JSON.stringify(
    {
      format: 'cx-align-plan',
      formatVersion: PLAN_FORMAT_VERSION,
      appVersion: '0.1.0',
      exportedAt: '2026-11-23T10:00:00.000Z',
      integrity: { algorithm: 'SHA-256', digest },
      plan,
      ...envelope,
    },
    null,
    2,
  );
}

function loosePlan(): Record<string, any> {
  return structuredClone(northwindPlan) as Record<string, any>;
}

async function errorOf(input: Parameters<typeof readPlanFile>[0], options = {}): Promise<PlanFileError> {
  const result = await readPlanFile(input, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

// toISOString writes years after 9999 with six digits and a sign, which is not an ISO timestamp the format accepts.
const anyExportTime = fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z') });

function withoutExportedAt(text: string): string {
  return text.replace(/^ {2}"exportedAt": .*$/m, '');
}

describe('exportPlanFile', () => {
  it('writes the golden version-3 file byte for byte', async () => {
    expect(await exportPlanFile(northwindPlan, exportOptions)).toBe(golden);
  });

  it('sorts keys, indents by two spaces and ends with a newline', async () => {
    const text = await exportPlanFile(northwindPlan, exportOptions);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '{',
      '  "appVersion": "0.1.0",',
      '  "exportedAt": "2026-11-23T10:00:00.000Z",',
      '  "format": "cx-align-plan",',
      '  "formatVersion": 3,',
    ]);
    expect(text.endsWith('\n  }\n}\n')).toBe(true);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  it('stores the SHA-256 of the compact canonical JSON of the plan', async () => {
    const file = JSON.parse(await exportPlanFile(northwindPlan, exportOptions)) as { integrity: { digest: string } };
    const expected = createHash('sha256').update(canonicalStringify(northwindPlan)).digest('hex');
    expect(file.integrity).toEqual({ algorithm: 'SHA-256', digest: expected });
  });

  it('gives the same bytes for the same plan, whatever its key order, except for exportedAt', async () => {
    const reordered = Object.fromEntries(Object.entries(northwindPlan).reverse()) as unknown as Plan;
    const later = await exportPlanFile(reordered, { appVersion: '0.1.0', now: new Date('2027-01-02T03:04:05.006Z') });
    expect(later).toContain('"exportedAt": "2027-01-02T03:04:05.006Z"');
    expect(withoutExportedAt(later)).toBe(withoutExportedAt(golden));
  });

  it('is deterministic for arbitrary plans', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary(), anyExportTime, async (plan, now) => {
        const first = await exportPlanFile(plan, exportOptions);
        const second = await exportPlanFile(structuredClone(plan), { appVersion: '0.1.0', now });
        expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to write a plan it could not read back, naming the fields', async () => {
    const plan = loosePlan();
    plan.goals[0].name = 'x'.repeat(201);
    plan.goalMetrics[0].metricId = 'metric-gone';
    const attempt = exportPlanFile(plan as Plan, exportOptions);
    await expect(attempt).rejects.toBeInstanceOf(PlanExportError);
    await expect(attempt).rejects.toMatchObject({
      errors: [{ path: 'plan.goals[0].name', message: 'expected at most 200 characters but found 201' }],
    });
  });

  it('refuses an empty app version and an invalid date', async () => {
    await expect(exportPlanFile(northwindPlan, { appVersion: '', now: EXPORTED_AT })).rejects.toMatchObject({
      errors: [{ path: 'appVersion' }],
    });
    await expect(exportPlanFile(northwindPlan, { appVersion: '0.1.0', now: new Date('nope') })).rejects.toMatchObject({
      errors: [{ path: 'exportedAt' }],
    });
  });
});

describe('planFileName', () => {
  it('slugs the plan name and adds the local date', () => {
    expect(planFileName(northwindPlan, new Date(2026, 10, 23, 23, 30))).toBe('northwind-telecom-2026-11-23.cxplan.json');
  });

  it('drops accents and punctuation, and never starts or ends with a dash', () => {
    expect(planFileName({ name: ' Café Ünïcode — Q4/2026! ' }, new Date(2027, 0, 5))).toBe(
      'cafe-unicode-q4-2026-2027-01-05.cxplan.json',
    );
  });

  it('falls back to "plan" when nothing safe is left, and caps long names', () => {
    expect(planFileName({ name: '顧客体験' }, new Date(2026, 10, 23))).toBe('plan-2026-11-23.cxplan.json');
    expect(planFileName({ name: '../../etc/passwd' }, new Date(2026, 10, 23))).toBe('etc-passwd-2026-11-23.cxplan.json');
    const long = planFileName({ name: `${'a'.repeat(59)} b` }, new Date(2026, 10, 23));
    expect(long).toBe(`${'a'.repeat(59)}-2026-11-23.cxplan.json`);
  });
});

describe('readPlanFile: files that open', () => {
  it('reads the golden version-3 file', async () => {
    expect(await readPlanFile(golden)).toEqual({
      ok: true,
      plan: northwindPlan,
      meta: { formatVersion: 3, appVersion: '0.1.0', exportedAt: '2026-11-23T10:00:00.000Z', migratedFrom: null },
    });
  });

  it('still opens the golden version-2 file, upgraded with no saved runs', async () => {
    expect(await readPlanFile(goldenV2)).toEqual({
      ok: true,
      plan: { ...northwindPlan, model: { ...northwindPlan.model, runs: { monteCarlo: null, sobol: null, morris: null } } },
      meta: { formatVersion: 2, appVersion: '0.1.0', exportedAt: '2026-11-23T10:00:00.000Z', migratedFrom: 2 },
    });
  });

  it('still opens the golden version-1 file, upgraded with dollars and no findings or dismissals', async () => {
    const result = await readPlanFile(goldenV1);
    const { settings: _s, findings: _f, conflictDismissals: _d, model: _m, targets: _t, xlas: _x, ...shared } = northwindPlan;
    expect(result).toEqual({
      ok: true,
      plan: {
        ...shared,
        settings: { currency: 'USD' },
        findings: [],
        conflictDismissals: [],
        model: null,
        targets: [],
        xlas: [],
      },
      meta: { formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-11-23T10:00:00.000Z', migratedFrom: 1 },
    });
  });

  it('opens the example in docs/plan-file.md', async () => {
    const doc = readFileSync(new URL('../../docs/plan-file.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = await readPlanFile(example!);
    expect(result).toMatchObject({ ok: true, meta: { formatVersion: PLAN_FORMAT_VERSION, migratedFrom: null } });
    expect(await exportPlanFile((result as { plan: Plan }).plan, exportOptions)).toBe(example);
  });

  it('gives back a deep-equal plan for arbitrary valid plans with unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary(), async (plan) => {
        const result = await readPlanFile(await exportPlanFile(plan, exportOptions));
        expect(result).toEqual({ ok: true, plan, meta: expect.objectContaining({ migratedFrom: null }) });
      }),
      { numRuns: 150 },
    );
  });

  it('reads bytes, an ArrayBuffer and a Blob as well as text', async () => {
    const bytes = new TextEncoder().encode(golden);
    for (const input of [bytes, bytes.buffer, new Blob([bytes])]) {
      expect(await readPlanFile(input)).toMatchObject({ ok: true, plan: northwindPlan });
    }
  });

  it('tolerates a UTF-8 byte-order mark, in bytes and in text', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(golden)]);
    expect(await readPlanFile(bom)).toMatchObject({ ok: true });
    expect(await readPlanFile('\uFEFF' + golden)).toMatchObject({ ok: true });
  });

  it('still opens after an editor changed only the layout (CRLF, re-indented, keys reordered)', async () => {
    const reindented = JSON.stringify(JSON.parse(golden) as unknown, null, '\t');
    for (const text of [golden.replace(/\n/g, '\r\n'), reindented, JSON.stringify(JSON.parse(golden))]) {
      expect(await readPlanFile(text)).toMatchObject({ ok: true, plan: northwindPlan });
    }
  });

  it('opens a plan whose text merely looks like forbidden keys', async () => {
    const plan = loosePlan();
    plan.goals[0].name = '__proto__';
    plan.goals[1].description = '{"constructor": {"prototype": 1}}';
    const result = await readPlanFile(fileText(plan));
    expect(result).toMatchObject({ ok: true, plan: { goals: [{ name: '__proto__' }, {}] } });
  });

  it('upgrades an older file through the migrations, then validates it', async () => {
    // Pretend this app is at version 2, and version 1 called a goal's name "title".
    const migrations: PlanMigration[] = [
      {
        name: '1-to-2: rename goal title to name',
        fromVersion: 1,
        migrate: (plan) => {
          for (const goal of plan.goals as JsonRecord[]) {
            goal.name = goal.title;
            delete goal.title;
          }
          return plan;
        },
      },
    ];
    const old = loosePlan();
    for (const goal of old.goals) {
      goal.title = goal.name;
      delete goal.name;
    }
    const result = await readPlanFile(fileText(old, { formatVersion: 1 }), { migrations, currentVersion: 2 });
    expect(result).toEqual({
      ok: true,
      plan: northwindPlan,
      meta: { formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-11-23T10:00:00.000Z', migratedFrom: 1 },
    });
  });
});

describe('readPlanFile: files that are refused', () => {
  it('refuses a file over 20 MB before decoding it', async () => {
    const big = ' '.repeat(MAX_PLAN_FILE_BYTES + 1);
    expect(await errorOf(big)).toEqual({ kind: 'too-large', size: 20_971_521, maxBytes: 20_971_520 });
    expect(await errorOf(new Blob([big]))).toEqual({ kind: 'too-large', size: 20_971_521, maxBytes: 20_971_520 });
  });

  it('counts the size of text in UTF-8 bytes', async () => {
    expect(await errorOf('"€€€€€€€€€€"', { maxBytes: 31 })).toEqual({ kind: 'too-large', size: 32, maxBytes: 31 });
  });

  it('refuses binary files, invalid UTF-8 and UTF-16 text', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await errorOf(png)).toEqual({ kind: 'not-text', reason: 'nul-bytes' });
    expect(await errorOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ kind: 'not-text', reason: 'invalid-utf8' });
    const utf16le = new Uint8Array([...'{"a":1}'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(await errorOf(utf16le)).toEqual({ kind: 'not-text', reason: 'utf16' });
    expect(await errorOf(new Uint8Array([0xff, 0xfe, ...utf16le]))).toEqual({ kind: 'not-text', reason: 'utf16' });
    expect(await errorOf('{"a":\u0000}')).toEqual({ kind: 'not-text', reason: 'nul-bytes' });
    const utf16be = new Uint8Array([...'{"a":1}'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(await errorOf(utf16be)).toEqual({ kind: 'not-text', reason: 'utf16' });
    expect(await errorOf(new Uint8Array([0, 1, 2, 3, 0, 0]))).toEqual({ kind: 'not-text', reason: 'nul-bytes' });
  });

  it('says where a truncated file ends', async () => {
    const cut = golden.slice(0, golden.indexOf('"metrics"') + 20);
    const error = await errorOf(cut);
    expect(error).toMatchObject({ kind: 'not-json', truncated: true, line: cut.split('\n').length });
    expect(describePlanFileError(error)).toMatch(/^This file is cut off: it ends at line \d+, column \d+ before the plan is complete/);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const broken = golden.replace('"name": "Keep more customers",', '"name": "Keep more customers",,');
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes(',,')) + 1;
    const error = await errorOf(broken);
    expect(error).toEqual({
      kind: 'not-json',
      line,
      column: lines[line - 1]!.indexOf(',,') + 2,
      truncated: false,
      detail: "expected a field name in double quotes but found ','",
    });
  });

  it('calls an empty file empty', async () => {
    expect(describePlanFileError(await errorOf(''))).toBe('This file is empty.');
    expect(describePlanFileError(await errorOf(new Uint8Array([0xef, 0xbb, 0xbf])))).toBe('This file is empty.');
  });

  it('refuses nesting 100,000 levels deep without overflowing the stack', async () => {
    const hostile = '{"plan":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(await errorOf(hostile)).toEqual({ kind: 'too-deep', line: 1, column: 9 + 31, maxDepth: 32 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere in the file', async (key) => {
    const anchor = '"name": "Keep more customers",';
    const text = golden.replace(anchor, `${anchor} "${key}": {"polluted": true},`);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(`"${key}"`)) + 1;
    const column = lines[line - 1]!.indexOf(`"${key}"`) + 1;
    expect(await errorOf(text)).toEqual({ kind: 'forbidden-key', key, line, column });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sees through escapes in a forbidden key and finds it at the top level', async () => {
    expect(await errorOf('{"__pro\\u0074o__": {"polluted": true}}')).toEqual({
      kind: 'forbidden-key',
      key: '__proto__',
      line: 1,
      column: 2,
    });
    expect(await errorOf(golden.replace('{\n', '{\n  "constructor": 1,\n'))).toEqual({
      kind: 'forbidden-key',
      key: 'constructor',
      line: 2,
      column: 3,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses JSON that is not a plan file, saying what it found', async () => {
    expect(await errorOf('[]')).toEqual({ kind: 'wrong-format', found: 'a list of 0 items' });
    expect(await errorOf(JSON.stringify(northwindPlan))).toEqual({ kind: 'wrong-format', found: 'no "format" field' });
    const excalidraw = '{"type": "excalidraw", "format": "excalidraw", "version": 2}';
    const error = await errorOf(excalidraw);
    expect(error).toEqual({ kind: 'wrong-format', found: 'the text "excalidraw"' });
    expect(describePlanFileError(error)).toBe(
      'This is not a CX Align plan file: expected "format": "cx-align-plan" but found the text "excalidraw".',
    );
  });

  it('refuses a newer format version, naming both versions, even with fields it does not know', async () => {
    const newer = fileText(northwindPlan, { formatVersion: 4, signature: 'abc' });
    const error = await errorOf(newer);
    expect(error).toEqual({ kind: 'newer-version', fileVersion: 4, supportedVersion: 3 });
    expect(describePlanFileError(error)).toBe(
      'This file is format version 4; this app reads up to version 3. Update CX Align to open it.',
    );
  });

  it('refuses wrong types at named fields of the plan', async () => {
    const plan = loosePlan();
    plan.goals[1].kpiMetricId = 7;
    plan.metrics[3].scaleMin = '0';
    expect(await errorOf(fileText(plan))).toEqual({
      kind: 'invalid',
      total: 2,
      errors: [
        { path: 'plan.goals[1].kpiMetricId', message: 'expected a metric id or null but found the number 7' },
        { path: 'plan.metrics[3].scaleMin', message: 'expected a finite number or null but found the text "0"' },
      ],
    });
  });

  it('refuses a broken envelope, with paths from the top of the file', async () => {
    const text = fileText(northwindPlan, { formatVersion: '1', appVersion: 7, comment: 'hi' });
    expect(await errorOf(text)).toEqual({
      kind: 'invalid',
      total: 3,
      errors: [
        { path: 'formatVersion', message: 'expected a whole number from 1 up but found the text "1"' },
        { path: 'appVersion', message: 'expected the version of the app that wrote the file (non-empty text) but found the number 7' },
        { path: 'comment', message: 'unexpected field "comment": it is not part of the format' },
      ],
    });
    const md5 = JSON.parse(golden) as JsonRecord;
    md5.integrity = { algorithm: 'MD5', digest: 'abc' };
    expect(await errorOf(JSON.stringify(md5))).toMatchObject({
      kind: 'invalid',
      errors: [
        { path: 'integrity.algorithm', message: 'expected "SHA-256" but found the text "MD5"' },
        { path: 'integrity.digest', message: 'expected 64 lowercase hexadecimal digits but found the text "abc"' },
      ],
    });
  });

  it('refuses duplicate ids and dangling references', async () => {
    const plan = loosePlan();
    plan.departments.push({ ...plan.departments[0], name: 'Contact centre (copy)' });
    plan.guardrails[0].guardMetricId = 'metric-fcr';
    expect(await errorOf(fileText(plan))).toEqual({
      kind: 'invalid',
      total: 2,
      errors: [
        {
          path: 'plan.departments[2].id',
          message: 'duplicate id "dept-contact": already used by plan.departments[0]; ids must be unique',
        },
        {
          path: 'plan.guardrails[0].guardMetricId',
          message: 'refers to metric "metric-fcr", which is not in plan.metrics',
        },
      ],
    });
  });

  it('keeps the first 20 field errors and counts the rest', async () => {
    const plan = loosePlan();
    plan.goals = Array.from({ length: 25 }, (_, i) => ({
      id: `g${i}`,
      name: i,
      description: '',
      kpiMetricId: null,
      owner: '',
    }));
    const error = await errorOf(fileText(plan));
    expect(error).toMatchObject({ kind: 'invalid', total: 25 });
    if (error.kind !== 'invalid') return;
    expect(error.errors).toHaveLength(20);
    expect(error.errors[19]).toEqual({ path: 'plan.goals[19].name', message: 'expected text but found the number 19' });
    const message = describePlanFileError(error);
    expect(message.split('\n')[0]).toBe('This plan file has 25 problems:');
    expect(message.split('\n').at(-1)).toBe('… and 5 more.');
  });

  it('refuses a file edited after export (digest mismatch)', async () => {
    const edited = golden.replace('"Keep more customers"', '"Keep most customers"');
    const error = await errorOf(edited);
    expect(error).toMatchObject({
      kind: 'integrity',
      expected: '8e7a3472328e944bdb8efa0deed388cf7d97c86906ea9d321c82d76aae01e42d',
    });
    expect(describePlanFileError(error)).toMatch(/edited or damaged after it was exported/);
  });

  it('treats a number too large for JSON.stringify to have written as tampering', async () => {
    const edited = golden.replace('"headcount": 240', '"headcount": 1e999');
    expect(await errorOf(edited)).toMatchObject({ kind: 'integrity', actual: null });
  });

  it('reports a failing migration instead of throwing', async () => {
    const migrations: PlanMigration[] = [
      {
        name: '1-to-2: explode',
        fromVersion: 1,
        migrate: () => {
          throw new Error('goals missing');
        },
      },
    ];
    const error = await errorOf(goldenV1, { migrations, currentVersion: 2 });
    expect(error).toEqual({ kind: 'migration-failed', fromVersion: 1, migration: '1-to-2: explode', detail: 'goals missing' });
    expect(describePlanFileError(error)).toBe(
      'This file is format version 1 and could not be upgraded to this app\'s format (step "1-to-2: explode"): goals missing.',
    );
  });

  it('reports a file that cannot be read from disk', async () => {
    const vanished = {
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('the file was moved')),
    } as unknown as Blob;
    expect(await errorOf(vanished)).toEqual({ kind: 'unreadable', detail: 'the file was moved' });
  });
});

describe('readPlanFile never throws', () => {
  /** Small random damage to the golden file: most of it must be refused, none of it may throw. */
  const damaged = fc
    .tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit: 'binary', maxLength: 3 }))
    .map(([at, removed, inserted]) => {
      const i = at % golden.length;
      return golden.slice(0, i) + inserted + golden.slice(i + removed);
    });

  it('resolves with a result for damaged files, random text and random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(damaged, fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 200 })),
        async (input) => {
          const result: PlanFileResult = await readPlanFile(input);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(describePlanFileError(result.error).length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('describePlanFileError', () => {
  it('explains every kind of error in plain English', () => {
    const messages: [PlanFileError, string][] = [
      [
        { kind: 'too-large', size: 25 * 1024 * 1024, maxBytes: MAX_PLAN_FILE_BYTES },
        'This file is 25 MB; a plan file can be at most 20 MB.',
      ],
      [{ kind: 'unreadable', detail: 'gone' }, 'The file could not be read (gone).'],
      [{ kind: 'not-text', reason: 'utf16' }, 'saved as UTF-16 text'],
      [{ kind: 'not-text', reason: 'nul-bytes' }, 'contains binary data'],
      [{ kind: 'not-text', reason: 'invalid-utf8' }, 'is not UTF-8 text'],
      [
        { kind: 'not-json', line: 4, column: 7, truncated: false, detail: "expected ',' or '}' but found 'x'" },
        "This file is not valid JSON: at line 4, column 7, expected ',' or '}' but found 'x'.",
      ],
      [{ kind: 'too-deep', line: 1, column: 33, maxDepth: 32 }, 'more than 32 levels deep (at line 1, column 33)'],
      [{ kind: 'forbidden-key', key: '__proto__', line: 3, column: 5 }, 'the field name "__proto__" (line 3, column 5)'],
      [{ kind: 'wrong-format', found: 'no "format" field' }, 'but found no "format" field.'],
      [
        { kind: 'invalid', errors: [{ path: 'plan.name', message: 'expected text but found null' }], total: 1 },
        'This plan file has 1 problem:\n• plan.name: expected text but found null',
      ],
      [{ kind: 'integrity', expected: 'a', actual: 'b' }, 'does not match its integrity check'],
      [
        { kind: 'migration-failed', fromVersion: 1, migration: null, detail: 'this app has no upgrade from version 1' },
        "could not be upgraded to this app's format: this app has no upgrade from version 1.",
      ],
    ];
    for (const [error, text] of messages) expect(describePlanFileError(error)).toContain(text);
  });
});
