// Writes plan files the way CX Align documents them (canonical JSON, SHA-256 of the plan) to craft valid and hostile inputs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** JSON with object keys sorted at every level; `indent` matches JSON.stringify's layout. */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** The integrity digest of a plan: SHA-256 (lowercase hex) of the UTF-8 bytes of its compact canonical JSON. */
export function planDigest(plan: unknown): string {
  return createHash('sha256').update(canonicalJson(plan), 'utf8').digest('hex');
}

/** A complete plan file around `plan`, sealed with the plan's true digest, as the app would export it. */
export function sealPlanFile(plan: unknown, envelope: Record<string, unknown> = {}): string {
  const file = {
    format: 'cx-align-plan',
    formatVersion: 1,
    appVersion: '0.1.0',
    exportedAt: '2026-11-23T10:00:00.000Z',
    integrity: { algorithm: 'SHA-256', digest: planDigest(plan) },
    plan,
    ...envelope,
  };
  return canonicalJson(file, 2) + '\n';
}

const FILES = new URL('../files/', import.meta.url);

/** A file from tests/e2e/files as bytes. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, FILES));
}

/** A file from tests/e2e/files, ready for the plan-file input. */
export function fixtureFile(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/json', buffer: fixtureBytes(name) };
}

