// Bench worker that splits the app's import time into its stages by running the engine's own pieces one more layer
// at a time over the same Blob: read, + decode, + split into records; hashing alone; the whole engine with no store.
// The passes are interleaved and repeated, and each stage's median kept, so a busy machine skews all stages alike.
import { importCsv, type ImportFormat, type ImportSink } from '../src/io/csvImport';
import { ContentHasher } from '../src/io/csvImport/contentHash';
import { RecordSplitter } from '../src/io/csvImport/recordSplitter';
import { readSlices } from '../src/io/csvImport/sliceReader';

export interface BreakdownRequest {
  blob: Blob;
  format: ImportFormat;
  chunkRows: number;
  repeats: number;
}

/** Median milliseconds of each pass; every pass reads the whole file again. */
export interface BreakdownTimes {
  read_ms: number;
  read_decode_ms: number;
  read_decode_split_ms: number;
  read_hash_ms: number;
  /** importCsv with a sink that drops the chunks: parse, convert and hash, nothing stored. */
  engine_without_store_ms: number;
}

type Pass = () => Promise<void>;

async function timed(pass: Pass): Promise<number> {
  const started = performance.now();
  await pass();
  return performance.now() - started;
}

/** Accepts every chunk and forgets it, so the engine runs at full speed with no IndexedDB behind it. */
const discardingSink: ImportSink = {
  stage: async () => undefined,
  commit: async (meta) => ({ ...meta, id: 'bench-without-store', importedAt: new Date().toISOString() }),
  discard: async () => undefined,
};

function passes({ blob, format, chunkRows }: BreakdownRequest): Record<keyof BreakdownTimes, Pass> {
  const options = {
    format,
    dataset: { planId: 'bench', name: 'bench', kind: 'timeseries' as const, fileName: 'bench.csv' },
    onBadRow: 'stop' as const,
    chunkRows,
  };
  return {
    read_ms: async () => {
      for await (const bytes of readSlices(blob)) void bytes;
    },
    read_decode_ms: async () => {
      const decoder = new TextDecoder(format.encoding);
      for await (const bytes of readSlices(blob)) decoder.decode(bytes, { stream: true });
      decoder.decode();
    },
    read_decode_split_ms: async () => {
      const decoder = new TextDecoder(format.encoding);
      const splitter = new RecordSplitter(format.delimiter, format.recordSeparator);
      for await (const bytes of readSlices(blob)) splitter.push(decoder.decode(bytes, { stream: true }));
      splitter.push(decoder.decode());
      splitter.finish();
    },
    read_hash_ms: async () => {
      const hasher = new ContentHasher();
      for await (const bytes of readSlices(blob)) hasher.update(bytes);
      await hasher.digestHex();
    },
    engine_without_store_ms: async () => {
      const result = await importCsv(blob, options, discardingSink);
      if (result.status !== 'imported') throw new Error(`The engine did not import the file: ${result.status}.`);
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function breakdown(request: BreakdownRequest): Promise<BreakdownTimes> {
  const pass = passes(request);
  const runs: BreakdownTimes[] = [];
  for (let repeat = 0; repeat < request.repeats; repeat++) {
    runs.push({
      read_ms: await timed(pass.read_ms),
      read_decode_ms: await timed(pass.read_decode_ms),
      read_decode_split_ms: await timed(pass.read_decode_split_ms),
      read_hash_ms: await timed(pass.read_hash_ms),
      engine_without_store_ms: await timed(pass.engine_without_store_ms),
    });
  }
  const medianOf = (stage: keyof BreakdownTimes): number => median(runs.map((run) => run[stage]));
  return {
    read_ms: medianOf('read_ms'),
    read_decode_ms: medianOf('read_decode_ms'),
    read_decode_split_ms: medianOf('read_decode_split_ms'),
    read_hash_ms: medianOf('read_hash_ms'),
    engine_without_store_ms: medianOf('engine_without_store_ms'),
  };
}

self.onmessage = (event: MessageEvent<BreakdownRequest>) => {
  breakdown(event.data).then(
    (times) => self.postMessage({ ok: true, times }),
    (error: unknown) => self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
