// Connects the UI to the data worker (import, rows, summaries): the only place the UI talks to the worker client.
import type { ImportFormat, PreviewResult } from '../../io/csvImport/types';
import { createImportClient, type ImportClient } from '../../worker/importClient';
import type { ImportService } from './importFlow.svelte';

let client: ImportClient | null = null;

/** The worker starts on the first import, not at page load. */
export function importClient(): ImportClient {
  client ??= createImportClient();
  return client;
}

/** The reading settings of a preview, without the preview-only details (samples, question texts). */
function formatOf(preview: PreviewResult): ImportFormat {
  return {
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    recordSeparator: preview.recordSeparator,
    skipRows: preview.skipRows,
    headerRowCount: preview.headerRowCount,
    decimal: preview.decimal,
    columns: preview.columns.map((c) => (c.dateFormat ? { name: c.name, type: c.type, dateFormat: c.dateFormat } : { name: c.name, type: c.type })),
  };
}

export function createImportService(): ImportService {
  return {
    preview: (file, overrides) => importClient().preview(file, overrides),
    findDuplicate: async (planId, file) => (await importClient().findImported(planId, file)) ?? undefined,
    async run(file, preview, options, onProgress, signal) {
      const result = await importClient().importFile(
        file,
        {
          format: formatOf(preview),
          dataset: { planId: options.planId, name: options.name, kind: options.kind, fileName: file.name },
          onBadRow: options.onBadRow,
        },
        { onProgress, signal },
      );
      if (result.status === 'error') {
        throw new Error(
          result.reason === 'quota' ? 'this browser’s storage is full; free some space or delete old datasets' : result.message,
        );
      }
      return result;
    },
  };
}
