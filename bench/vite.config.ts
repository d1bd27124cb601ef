// Build of the import benchmark page (bench/index.html) with the app's worker setup, into bench/tmp/dist; also the
// Vitest configuration for the bench's own tests (npx vitest run --config bench/vite.config.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // Vite and Vitest caches stay in the git-ignored tmp/ rather than a node_modules/ inside bench/.
  cacheDir: 'tmp/.vite',
  // No Svelte here: the page drives the import worker client directly, as the app's import service does.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'tmp/dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
  test: {
    include: ['*.test.ts'],
    environment: 'node',
  },
});
