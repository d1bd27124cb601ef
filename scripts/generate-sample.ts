// Writes the committed sample CSVs (sample/monthly-kpis.csv, sample/survey-responses.csv) from the seeded generator.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sampleFiles } from '../src/domain/sample/sampleFiles';

const outDir = fileURLToPath(new URL('../sample/', import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const file of sampleFiles()) {
  const path = `${outDir}${file.name}`;
  writeFileSync(path, file.csv, 'utf8');
  console.log(`${path}: ${file.rows} rows, ${Buffer.byteLength(file.csv, 'utf8')} bytes`);
}
