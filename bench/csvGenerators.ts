// Deterministic CSV text for the import benchmark, produced block by block so no file ever exists as one string.

export type BenchFileShape = 'kpis' | 'survey';

export interface CsvSpec {
  shape: BenchFileShape;
  /** Data rows, the header not included. */
  rows: number;
  seed: number;
}

/** Rows per yielded block: about 1 MB of text, small enough to build quickly, large enough to keep Blob parts few. */
export const ROWS_PER_BLOCK = 16_384;

/** mulberry32: a tiny seeded generator, so every run (and every machine) benchmarks the same bytes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A KPI export: ten money-like and count-like columns, written the way Excel writes them (CRLF line ends). */
const KPI_COLUMNS: readonly { name: string; scale: number; negativeShare: number }[] = [
  { name: 'revenue', scale: 10_000, negativeShare: 0 },
  { name: 'gross_margin', scale: 10_000, negativeShare: 0.08 },
  { name: 'orders', scale: 1_000, negativeShare: 0 },
  { name: 'avg_order_value', scale: 1_000, negativeShare: 0 },
  { name: 'refund_rate', scale: 100, negativeShare: 0 },
  { name: 'support_cost', scale: 1_000, negativeShare: 0 },
  { name: 'handle_time', scale: 100, negativeShare: 0 },
  { name: 'net_new_customers', scale: 1_000, negativeShare: 0.2 },
  { name: 'pipeline', scale: 10_000, negativeShare: 0 },
  { name: 'churn_delta', scale: 100, negativeShare: 0.45 },
];
const KPI_LINE_END = '\r\n';

/** Two-decimal text of a value in cents, e.g. 123456 → "1234.56", -7 → "-0.07". */
export function centsText(cents: number): string {
  const negative = cents < 0;
  const magnitude = negative ? -cents : cents;
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude - whole * 100;
  return `${negative ? '-' : ''}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

function kpiRow(random: () => number): string {
  let line = '';
  for (let k = 0; k < KPI_COLUMNS.length; k++) {
    const { scale, negativeShare } = KPI_COLUMNS[k]!;
    const cents = Math.floor(random() * scale * 100);
    if (k > 0) line += ',';
    line += centsText(random() < negativeShare ? -cents : cents);
  }
  return line + KPI_LINE_END;
}

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'International'];
const CHANNELS = ['Phone', 'Chat', 'Email', 'In store'];
const TEAMS = Array.from({ length: 12 }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);
/** Free-text pieces with what real comment fields hold: commas, quotes, line breaks, accents and emoji. */
const COMMENT_PARTS = [
  'Great service',
  'waited 20 minutes, then hung up',
  'the agent said "we\'ll call you back" and nobody did',
  'love the new app 😀',
  'ok\nbut the app crashed twice',
  'Preis/Leistung passt, Lieferung zu spät',
  'café crème ☕, merci',
  '👍👍',
  'refund took 3 weeks; "policy", they said',
  'line one\nline two\nline three',
  'N/A',
  'Friendly, fast, fixed it first time 🎉',
];
const SURVEY_HEADER = 'response_id,submitted,region,channel,team,nps,csat,ces,comment\n';
const SURVEY_START = Date.UTC(2023, 0, 1);
const SURVEY_DAYS = 731;
const DAY_MS = 86_400_000;
const BLANK_SHARE = 0.01;

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function answer(random: () => number, min: number, max: number): string {
  if (random() < BLANK_SHARE) return '';
  return String(min + Math.floor(random() * (max - min + 1)));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function comment(random: () => number, row: number): string {
  if (random() < 0.35) return '';
  const parts = 1 + Math.floor(random() * 3);
  let text = '';
  for (let p = 0; p < parts; p++) text += (p > 0 ? ', ' : '') + pick(random, COMMENT_PARTS);
  // A response number makes most comments distinct, as real free text is.
  if (random() < 0.5) text += ` (#${row})`;
  return `"${text.replaceAll('"', '""')}"`;
}

function surveyRow(random: () => number, row: number): string {
  const submitted = isoDate(SURVEY_START + Math.floor(random() * SURVEY_DAYS) * DAY_MS);
  return (
    `${100_000 + row},${submitted},${pick(random, REGIONS)},${pick(random, CHANNELS)},${pick(random, TEAMS)},` +
    `${answer(random, 0, 10)},${answer(random, 1, 5)},${answer(random, 1, 7)},${comment(random, row)}\n`
  );
}

/** The header row the file starts with. */
export function csvHeader(shape: BenchFileShape): string {
  return shape === 'kpis' ? KPI_COLUMNS.map((c) => c.name).join(',') + KPI_LINE_END : SURVEY_HEADER;
}

/** The file's text in blocks of up to ROWS_PER_BLOCK rows; the first block starts with the header. */
export function* csvBlocks(spec: CsvSpec, rowsPerBlock: number = ROWS_PER_BLOCK): Generator<string> {
  const random = seededRandom(spec.seed);
  const row: (n: number) => string = spec.shape === 'kpis' ? () => kpiRow(random) : (n) => surveyRow(random, n);
  let block = csvHeader(spec.shape);
  for (let start = 0; start < spec.rows; start += rowsPerBlock) {
    const end = Math.min(spec.rows, start + rowsPerBlock);
    for (let n = start; n < end; n++) block += row(n);
    yield block;
    block = '';
  }
  if (block !== '') yield block;
}
