// Keeps the layers honest: dependencies point inward, and only storage/ touches Dexie.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

function offenders(layer: string, forbidden: RegExp): string[] {
  return sourceFiles(join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(SRC, file)} imports ${spec}`),
  );
}

describe('layering', () => {
  it('keeps the domain free of frameworks, storage, the DOM and outer layers', () => {
    expect(offenders('domain', /^(dexie|svelte|comlink|papaparse|chart\.js)|\/(storage|ui|io|worker|schema)\//)).toEqual([]);
  });

  it('lets only storage import Dexie', () => {
    const outside = ['domain', 'schema', 'io', 'ui'].flatMap((layer) => offenders(layer, /^dexie/));
    expect(outside).toEqual([]);
  });

  it('keeps schema and io independent of the UI and of Dexie', () => {
    expect([...offenders('schema', /\/(ui|storage)\/|^dexie|^svelte/), ...offenders('io', /\/ui\/|^dexie|^svelte/)]).toEqual([]);
  });
});
