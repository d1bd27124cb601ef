// Checks that the committed sample/ files are exactly what `npx tsx scripts/generate-sample.ts` writes today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../src/domain/sample/sampleFiles';

describe('committed sample files', () => {
  for (const file of sampleFiles()) {
    it(`sample/${file.name} matches the generator (run the script again after changing it)`, () => {
      const committed = readFileSync(new URL(`../sample/${file.name}`, import.meta.url), 'utf8');
      expect(committed === file.csv).toBe(true);
    });
  }
});
