// Build of the benchmark pages (bench/index.html: import; analysis.html: analysis; sensitivity.html: sensitivity)
// with the app's worker setup, into bench/tmp/dist; also the Vitest configuration for the bench's own tests (npx vitest run --config bench/vite.config.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // Vite and Vitest caches stay in the git-ignored tmp/ rather than a node_modules/ inside bench/.
  cacheDir: 'tmp/.vite',
  // No Svelte here: the pages drive the worker client directly, as the app's services do.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'tmp/dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { index: `${root}index.html`, analysis: `${root}analysis.html`, sensitivity: `${root}sensitivity.html` },
    },
  },
  logLevel: 'warn',
  test: {
    include: ['*.test.ts'],
    environment: 'node',
  },
});
