// One CSV import from file choice to stored dataset: preview with overrides, duplicate check, progress, cancel, report.
import type {
  BadRowPolicy,
  ImportIssue,
  ImportProgress,
  ImportResult,
  PreviewOverrides,
  PreviewResult,
} from '../../io/csvImport/types';
import type { DatasetKind, DatasetRecord } from '../../storage/records';

/** What the flow needs from the import worker; the app wires it to the Comlink client. */
export interface ImportService {
  preview(file: File, overrides: PreviewOverrides): Promise<PreviewResult>;
  /** A dataset of this plan holding exactly this file's bytes (same size first, then the same SHA-256). */
  findDuplicate(planId: string, file: File): Promise<DatasetRecord | undefined>;
  run(
    file: File,
    preview: PreviewResult,
    options: { planId: string; name: string; kind: DatasetKind; onBadRow: BadRowPolicy },
    onProgress: (progress: ImportProgress) => void,
    signal: AbortSignal,
  ): Promise<ImportResult>;
}

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'previewing'; file: File }
  | { kind: 'preview'; file: File; preview: PreviewResult }
  | { kind: 'duplicate'; file: File; preview: PreviewResult; existing: DatasetRecord }
  | { kind: 'importing'; file: File; preview: PreviewResult; progress: ImportProgress | null }
  | { kind: 'invalid'; file: File; preview: PreviewResult; issues: ImportIssue[]; issueCount: number; badRows: number; rowsRead: number }
  | { kind: 'done'; dataset: DatasetRecord; skippedRows: number; issues: ImportIssue[] }
  | { kind: 'failed'; message: string };

/** A single answer on a survey scale (0–10 at most): whole numbers, unlike a KPI export's period scores (29.9). */
const SCALE_ANSWER = /^(?:10|\d)$/;

/**
 * Survey exports get survey handling (NPS/CSAT/CES from responses); anything else is a metric time series. A column
 * named nps, csat or effort only says "survey" when its sampled values are answers on a scale: monthly KPI exports
 * carry such columns too, holding scores.
 */
export function guessKind(preview: PreviewResult, fileName: string): DatasetKind {
  if (preview.headerSource !== 'plain' || /survey|response/i.test(fileName)) return 'survey';
  const names = preview.columns.map((c) => c.name.toLowerCase());
  if (names.some((name) => /recommend|response|respondent|comment/.test(name))) return 'survey';
  const holdsAnswers = (column: number) => {
    const values = preview.rows.map((row) => (row[column] ?? '').trim()).filter((value) => value !== '');
    return values.length > 0 && values.every((value) => SCALE_ANSWER.test(value));
  };
  return names.some((name, column) => /nps|csat|satisf|effort/.test(name) && holdsAnswers(column)) ? 'survey' : 'timeseries';
}

export class ImportFlow {
  #service: ImportService;
  #planId: string;
  #stage = $state<ImportStage>({ kind: 'idle' });
  #overrides = $state<PreviewOverrides>({});
  #controller: AbortController | null = null;
  name = $state('');
  kind = $state<DatasetKind>('timeseries');

  constructor(service: ImportService, planId: string) {
    this.#service = service;
    this.#planId = planId;
  }

  get stage(): ImportStage {
    return this.#stage;
  }
  get overrides(): PreviewOverrides {
    return this.#overrides;
  }

  async choose(file: File): Promise<void> {
    this.#overrides = {};
    this.name = file.name.replace(/\.(csv|tsv|txt)$/i, '');
    await this.#preview(file, true);
  }

  /** Re-reads the file's head with the user's corrections (header rows, delimiter, decimal, dates, column types). */
  async override(change: PreviewOverrides): Promise<void> {
    const stage = this.#stage;
    if (stage.kind !== 'preview') return;
    this.#overrides = {
      ...this.#overrides,
      ...change,
      columns: { ...this.#overrides.columns, ...change.columns },
    };
    await this.#preview(stage.file, false);
  }

  async #preview(file: File, guess: boolean): Promise<void> {
    this.#stage = { kind: 'previewing', file };
    try {
      const preview = await this.#service.preview(file, $state.snapshot(this.#overrides) as PreviewOverrides);
      if (guess) this.kind = guessKind(preview, file.name);
      this.#stage = { kind: 'preview', file, preview };
    } catch (e) {
      this.#stage = { kind: 'failed', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Starts the import, first asking when the same file is already in this plan. */
  async start(onBadRow: BadRowPolicy = 'stop', confirmedDuplicate = false): Promise<void> {
    const stage = this.#stage;
    if (stage.kind !== 'preview' && stage.kind !== 'duplicate' && stage.kind !== 'invalid') return;
    const { file, preview } = stage;
    if (!confirmedDuplicate) {
      const existing = await this.#service.findDuplicate(this.#planId, file);
      if (existing) {
        this.#stage = { kind: 'duplicate', file, preview, existing };
        return;
      }
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#stage = { kind: 'importing', file, preview, progress: null };
    try {
      const result = await this.#service.run(
        file,
        preview,
        { planId: this.#planId, name: this.name.trim() || file.name, kind: this.kind, onBadRow },
        (progress) => {
          if (this.#stage.kind === 'importing') this.#stage = { ...this.#stage, progress };
        },
        controller.signal,
      );
      if (result.status === 'cancelled') this.#stage = { kind: 'preview', file, preview };
      else if (result.status === 'invalid') {
        this.#stage = { kind: 'invalid', file, preview, ...result };
      } else {
        this.#stage = { kind: 'done', dataset: result.dataset, skippedRows: result.skippedRows, issues: result.issues };
      }
    } catch (e) {
      this.#stage = { kind: 'failed', message: `The import failed and nothing was stored: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      this.#controller = null;
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }

  reset(): void {
    this.#controller?.abort();
    this.#stage = { kind: 'idle' };
  }
}
