// Plan files: writing a plan as a stable, diff-friendly JSON file, and reading any file back without ever throwing.
import type { Plan } from '../domain/plan/types';
import { describeFound, type FieldError } from '../schema/fieldError';
import { loadPlanData, type LoadPlanError, type MigrationSetup } from '../schema/loadPlanData';
import { INTEGRITY_ALGORITHM, validateEnvelope } from '../schema/planFileEnvelope';
import { validatePlan } from '../schema/planSchema';
import { isPlainRecord } from '../schema/schemaParts';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION } from '../schema/versions';
import { canonicalStringify } from './canonicalJson';
import { scanJson } from './jsonScan';
import { sha256Hex } from './sha256';

/** Far above any real plan (a large one is well under 1 MB); refusing early keeps a wrong file from freezing a tab. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;
/** A plan file nests 6 levels; anything far deeper is not a plan file and may be an attack on the parser. */
export const MAX_PLAN_FILE_DEPTH = 32;
/** Field errors carried in an 'invalid' result; the total is reported alongside. */
export const MAX_REPORTED_FIELD_ERRORS = 20;
/** Keys that could reach object prototypes if the data were ever merged into other objects. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type PlanFileError =
  | { kind: 'too-large'; size: number; maxBytes: number }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'not-text'; reason: 'nul-bytes' | 'invalid-utf8' | 'utf16' }
  | { kind: 'not-json'; line: number; column: number; truncated: boolean; detail: string }
  | { kind: 'too-deep'; line: number; column: number; maxDepth: number }
  | { kind: 'forbidden-key'; key: string; line: number; column: number }
  | { kind: 'wrong-format'; found: string }
  | { kind: 'newer-version'; fileVersion: number; supportedVersion: number }
  | { kind: 'invalid'; errors: FieldError[]; total: number }
  | { kind: 'integrity'; expected: string; actual: string | null }
  | { kind: 'migration-failed'; fromVersion: number; migration: string | null; detail: string };

export interface PlanFileMeta {
  /** The version the file was written in. */
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  /** Equals formatVersion when the plan had to be upgraded to this app's format; null when it was current. */
  migratedFrom: number | null;
}

export type PlanFileResult = { ok: true; plan: Plan; meta: PlanFileMeta } | { ok: false; error: PlanFileError };

export interface ReadPlanFileOptions extends MigrationSetup {
  maxBytes?: number;
}

export interface ExportOptions {
  /** Version of the app writing the file (package.json version). */
  appVersion: string;
  now: Date;
}

/** Thrown by exportPlanFile when the plan could not be read back: a bug or an unchecked input, not a user error. */
export class PlanExportError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`The plan cannot be exported: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'PlanExportError';
  }
}

const encoder = new TextEncoder();

/** SHA-256 over the UTF-8 bytes of the compact canonical JSON of the plan object. */
function planDigest(plan: unknown): Promise<string> {
  return sha256Hex(encoder.encode(canonicalStringify(plan)));
}

/**
 * Writes a plan as a plan file: keys sorted at every level, 2-space indent, trailing newline, so two exports of the
 * same plan differ only in `exportedAt`. Validates first and throws PlanExportError rather than write a file that
 * readPlanFile would refuse.
 */
export async function exportPlanFile(plan: Plan, opts: ExportOptions): Promise<string> {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new PlanExportError(checked.error);
  if (Number.isNaN(opts.now.getTime())) {
    throw new PlanExportError([{ path: 'exportedAt', message: 'the export time is not a valid date' }]);
  }
  const file = {
    format: PLAN_FORMAT,
    formatVersion: PLAN_FORMAT_VERSION,
    appVersion: opts.appVersion,
    exportedAt: opts.now.toISOString(),
    integrity: { algorithm: INTEGRITY_ALGORITHM, digest: await planDigest(checked.value) },
    plan: checked.value,
  };
  const envelope = validateEnvelope(file);
  if (!envelope.ok) throw new PlanExportError(envelope.error);
  return canonicalStringify(file, 2) + '\n';
}

/** A safe file name such as "northwind-telecom-2026-11-23.cxplan.json" (ASCII slug of the name, local date). */
export function planFileName(plan: Pick<Plan, 'name'>, now: Date): string {
  const slug = plan.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${slug === '' ? 'plan' : slug}-${date}.cxplan.json`;
}

/** UTF-8 byte length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}

type Decoded = { ok: true; text: string } | { ok: false; error: PlanFileError };

/** A UTF-16 byte-order mark, or the zero high bytes of ASCII text in UTF-16 ("{" 00 "\"" 00 …). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, Math.min(8, bytes.length - (bytes.length % 2)));
  if (head.length < 4) return false;
  const zeroAt = (parity: number): boolean => head.every((b, i) => (i % 2 === parity) === (b === 0));
  return zeroAt(0) || zeroAt(1);
}

function decodeBytes(bytes: Uint8Array): Decoded {
  if (looksLikeUtf16(bytes)) return { ok: false, error: { kind: 'not-text', reason: 'utf16' } };
  if (bytes.includes(0)) return { ok: false, error: { kind: 'not-text', reason: 'nul-bytes' } };
  try {
    // The decoder drops a leading UTF-8 BOM, which Windows editors add.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: { kind: 'not-text', reason: 'invalid-utf8' } };
  }
}

async function toText(input: string | ArrayBuffer | Uint8Array | Blob, maxBytes: number): Promise<Decoded> {
  if (typeof input === 'string') {
    const size = utf8Length(input);
    if (size > maxBytes) return { ok: false, error: { kind: 'too-large', size, maxBytes } };
    if (input.includes('\u0000')) return { ok: false, error: { kind: 'not-text', reason: 'nul-bytes' } };
    return { ok: true, text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  }
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) {
    bytes = input;
  } else if (input instanceof ArrayBuffer) {
    bytes = new Uint8Array(input);
  } else {
    // Check a file's size before reading it into memory.
    if (input.size > maxBytes) return { ok: false, error: { kind: 'too-large', size: input.size, maxBytes } };
    try {
      bytes = new Uint8Array(await input.arrayBuffer());
    } catch (e) {
      return { ok: false, error: { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
    }
  }
  if (bytes.length > maxBytes) return { ok: false, error: { kind: 'too-large', size: bytes.length, maxBytes } };
  return decodeBytes(bytes);
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: PlanFileError };

/** Checks syntax, depth and keys first, so JSON.parse only ever sees harmless, shallow, well-formed text. */
function parseJson(text: string): Parsed {
  const scan = scanJson(text, { maxDepth: MAX_PLAN_FILE_DEPTH, forbiddenKeys: FORBIDDEN_KEYS });
  if (!scan.ok) {
    const { line, column } = scan;
    switch (scan.kind) {
      case 'too-deep':
        return { ok: false, error: { kind: 'too-deep', line, column, maxDepth: scan.maxDepth } };
      case 'forbidden-key':
        return { ok: false, error: { kind: 'forbidden-key', key: scan.key, line, column } };
      case 'syntax':
        return { ok: false, error: { kind: 'not-json', line, column, truncated: scan.truncated, detail: scan.detail } };
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    // The scan has accepted the text, so this is a limit of the engine (e.g. memory) rather than bad syntax.
    return { ok: false, error: { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
}

function invalid(errors: FieldError[]): PlanFileError {
  return { kind: 'invalid', errors: errors.slice(0, MAX_REPORTED_FIELD_ERRORS), total: errors.length };
}

function fromLoadError(error: LoadPlanError, supportedVersion: number): PlanFileError {
  switch (error.kind) {
    case 'invalid':
      return invalid(error.errors);
    case 'newer-version':
      return { kind: 'newer-version', fileVersion: error.fromVersion, supportedVersion };
    case 'unknown-version':
      return invalid([
        { path: 'formatVersion', message: `expected a whole number from 1 up but found ${error.fromVersion}` },
      ]);
    case 'not-plain-object':
      return invalid([{ path: 'plan', message: 'expected a plan (an object) but found something else' }]);
    case 'missing-migration':
      return {
        kind: 'migration-failed',
        fromVersion: error.fromVersion,
        migration: null,
        detail: `this app has no upgrade from version ${error.fromVersion}`,
      };
    case 'migration-failed':
      return {
        kind: 'migration-failed',
        fromVersion: error.fromVersion,
        migration: error.migration,
        detail: error.detail,
      };
  }
}

async function readUnguarded(
  input: string | ArrayBuffer | Uint8Array | Blob,
  options: ReadPlanFileOptions,
): Promise<PlanFileResult> {
  const supportedVersion = options.currentVersion ?? PLAN_FORMAT_VERSION;
  const decoded = await toText(input, options.maxBytes ?? MAX_PLAN_FILE_BYTES);
  if (!decoded.ok) return decoded;
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) return parsed;
  const root = parsed.value;

  if (!isPlainRecord(root)) return { ok: false, error: { kind: 'wrong-format', found: describeFound(root) } };
  if (!('format' in root)) return { ok: false, error: { kind: 'wrong-format', found: 'no "format" field' } };
  if (root.format !== PLAN_FORMAT) {
    return { ok: false, error: { kind: 'wrong-format', found: describeFound(root.format) } };
  }
  // Checked before the other fields: a newer file may legitimately carry fields this app does not know.
  const version = root.formatVersion;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > supportedVersion) {
    return { ok: false, error: { kind: 'newer-version', fileVersion: version, supportedVersion } };
  }

  const envelope = validateEnvelope(root);
  if (!envelope.ok) return { ok: false, error: invalid(envelope.error) };
  const file = envelope.value;

  let actual: string | null;
  try {
    actual = await planDigest(file.plan);
  } catch {
    // Only data JSON.stringify could never have written (a number like 1e999 read as Infinity) gets here.
    actual = null;
  }
  if (actual !== file.integrity.digest) {
    return { ok: false, error: { kind: 'integrity', expected: file.integrity.digest, actual } };
  }

  const loaded = loadPlanData(file.plan, file.formatVersion, options);
  if (!loaded.ok) return { ok: false, error: fromLoadError(loaded.error, supportedVersion) };
  return {
    ok: true,
    plan: loaded.value.plan,
    meta: {
      formatVersion: file.formatVersion,
      appVersion: file.appVersion,
      exportedAt: file.exportedAt,
      migratedFrom: loaded.value.migratedFrom,
    },
  };
}

/**
 * Reads a plan file from text, bytes or a File/Blob. Never throws and never rejects: every failure, including an
 * unexpected one, comes back as a PlanFileError. `options` exist for tests (a fake migration registry, a small cap).
 */
export async function readPlanFile(
  input: string | ArrayBuffer | Uint8Array | Blob,
  options: ReadPlanFileOptions = {},
): Promise<PlanFileResult> {
  try {
    return await readUnguarded(input, options);
  } catch (e) {
    return { ok: false, error: { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const round = (n: number): string => String(Math.round(n * 10) / 10);
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KB`;
  return `${round(bytes / (1024 * 1024))} MB`;
}

function describeNotText(reason: 'nul-bytes' | 'invalid-utf8' | 'utf16'): string {
  switch (reason) {
    case 'utf16':
      return (
        'This file is saved as UTF-16 text; plan files are UTF-8. ' +
        'Save it again as UTF-8, or export the plan again from CX Align.'
      );
    case 'nul-bytes':
      return 'This file contains binary data, not text. A plan file is a text file ending in .cxplan.json.';
    case 'invalid-utf8':
      return (
        'This file is not UTF-8 text (it may be binary, or saved in another encoding). ' +
        'A plan file is a UTF-8 text file ending in .cxplan.json.'
      );
  }
}

/** A plain-English explanation of why a file could not be opened, for the person who chose it. */
export function describePlanFileError(e: PlanFileError): string {
  switch (e.kind) {
    case 'too-large':
      return (
        `This file is ${formatBytes(e.size)}; a plan file can be at most ${formatBytes(e.maxBytes)}. ` +
        'It is probably not a CX Align plan file.'
      );
    case 'unreadable':
      return `The file could not be read (${e.detail}). Try choosing it again.`;
    case 'not-text':
      return describeNotText(e.reason);
    case 'not-json':
      if (e.detail === 'the text is empty') return 'This file is empty.';
      if (e.truncated) {
        return (
          `This file is cut off: it ends at line ${e.line}, column ${e.column} before the plan is complete ` +
          `(${e.detail}). It may be an incomplete download or copy; ask for the file again.`
        );
      }
      return `This file is not valid JSON: at line ${e.line}, column ${e.column}, ${e.detail}.`;
    case 'too-deep':
      return (
        `This file nests data more than ${e.maxDepth} levels deep (at line ${e.line}, column ${e.column}). ` +
        'No plan file does that, so it was not opened.'
      );
    case 'forbidden-key':
      return (
        `This file contains the field name "${e.key}" (line ${e.line}, column ${e.column}), which plan files ` +
        'never use and which can be used to attack web apps, so it was not opened.'
      );
    case 'wrong-format':
      return `This is not a CX Align plan file: expected "format": "${PLAN_FORMAT}" but found ${e.found}.`;
    case 'newer-version':
      return (
        `This file is format version ${e.fileVersion}; this app reads up to version ${e.supportedVersion}. ` +
        'Update CX Align to open it.'
      );
    case 'invalid': {
      const lines = e.errors.map((f) => `• ${f.path}: ${f.message}`);
      const more = e.total > e.errors.length ? [`… and ${e.total - e.errors.length} more.`] : [];
      const count = e.total === 1 ? '1 problem' : `${e.total} problems`;
      return [`This plan file has ${count}:`, ...lines, ...more].join('\n');
    }
    case 'integrity':
      return (
        'This file does not match its integrity check: it was edited or damaged after it was exported, ' +
        'so it was not opened. Ask the sender to export it again.'
      );
    case 'migration-failed': {
      const step = e.migration === null ? '' : ` (step "${e.migration}")`;
      return (
        `This file is format version ${e.fromVersion} and could not be upgraded to this app's format` +
        `${step}: ${e.detail}.`
      );
    }
  }
}
