// Seeded sample data with known answers: five years of monthly KPIs and a year of raw survey responses.
/**
 * Built-in truths of the generated data (exported as SAMPLE_TRUTH so tests and demos can check against them):
 *
 * Monthly KPIs, 2021-01 … 2025-12 (60 months):
 * - NPS leads revenue by 3 months: revenue[t] contains +€40,000 per NPS point of nps[t−3]. Both revenue
 *   (+€25,000 per month) and NPS (+0.15 points per month) trend upward, so a plain levels regression over-states
 *   the effect; controlling for a linear time trend or differencing the series recovers it.
 * - Revenue has a smooth seasonal swing of ±€180,000 peaking in December; conversion rate and AOV share it.
 * - From 2023-07 the contact centre works to an AHT target (≈420 s → ≈372 s). Shorter handle time lowers CSAT
 *   (0.06 points per second) and FCR (0.08 points per second) in the same month: the AHT trade-off. SLA
 *   compliance and cost to serve improve, which is why the target looked like a success.
 * - Lower FCR raises customer effort (CES, 1–7, lower is better), and CES leads churn by 1 month:
 *   churn_rate[t] contains +0.8 percentage points per CES point of ces[t−1].
 * - Social sentiment moves with the same month's NPS; CSAT also carries a little of it.
 * - Three cells are missing (see SAMPLE_TRUTH.missingCells); the underlying values still drive the other series.
 *
 * Survey responses, 2025: 12,000 rows; about 1 % leave the recommend question blank. Teams differ by a latent
 * satisfaction shift (Team Aurora highest, Team Cirrus lowest), which shows as clearly different team NPS.
 */
import { createRng, type Rng } from '../random/prng';
import type { Table } from './table';

export const SAMPLE_SEED = 20261123;

const FIRST_YEAR = 2021;
const MONTH_COUNT = 60;
const SURVEY_YEAR = 2025;
const SURVEY_RESPONSES = 12_000;

interface TeamSpec {
  name: string;
  /** Shift of the latent satisfaction (in standard deviations) of this team's customers. */
  satisfactionShift: number;
  agents: number;
}

const TEAMS: readonly TeamSpec[] = [
  { name: 'Team Aurora', satisfactionShift: 0.4, agents: 8 },
  { name: 'Team Borealis', satisfactionShift: 0, agents: 9 },
  { name: 'Team Cirrus', satisfactionShift: -0.4, agents: 7 },
  { name: 'Team Nimbus', satisfactionShift: -0.15, agents: 8 },
  { name: 'Team Zephyr', satisfactionShift: 0.15, agents: 8 },
];

export const SAMPLE_TRUTH = {
  seed: SAMPLE_SEED,
  monthly: {
    firstMonth: '2021-01',
    lastMonth: '2025-12',
    months: MONTH_COUNT,
    npsLeadsRevenueByMonths: 3,
    /** € of monthly revenue per NPS point, three months later. */
    revenuePerNpsPoint: 40_000,
    revenueTrendPerMonth: 25_000,
    npsTrendPerMonth: 0.15,
    revenueSeasonalAmplitude: 180_000,
    ahtTargetFrom: '2023-07',
    /** CSAT (top-2 %) points per second of AHT, same month. */
    csatPerAhtSecond: 0.06,
    /** FCR percentage points per second of AHT, same month. */
    fcrPerAhtSecond: 0.08,
    /** CES points per FCR percentage point lost, same month. */
    cesPerFcrPointLost: 0.04,
    cesLeadsChurnByMonths: 1,
    /** Churn percentage points per CES point, one month later. */
    churnPerCesPoint: 0.8,
    missingCells: [
      { month: '2021-11', column: 'aht_seconds' },
      { month: '2022-08', column: 'nps' },
      { month: '2024-02', column: 'csat' },
    ],
  },
  survey: {
    year: SURVEY_YEAR,
    responses: SURVEY_RESPONSES,
    blankRecommendShare: 0.01,
    teams: TEAMS.map((t) => ({ name: t.name, satisfactionShift: t.satisfactionShift })),
  },
} as const;

export interface SampleData {
  monthly: Table;
  survey: Table;
}

/** Generates both tables from one seed; the same seed always yields identical data. */
export function generateSampleData(seed: number = SAMPLE_SEED): SampleData {
  const rng = createRng(seed);
  return { monthly: generateMonthly(rng), survey: generateSurvey(rng) };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A mean-reverting AR(1) series started from its stationary distribution, so early months are not special. */
function ar1(rng: Rng, length: number, phi: number, innovationSd: number): number[] {
  const series: number[] = [rng.normal(0, innovationSd / Math.sqrt(1 - phi * phi))];
  for (let i = 1; i < length; i++) series.push(phi * (series[i - 1] ?? 0) + rng.normal(0, innovationSd));
  return series;
}

function at(series: readonly number[], index: number): number {
  const value = series[index];
  if (value === undefined) throw new RangeError(`Series has no value at ${index}`);
  return value;
}

/** Months since 2021-01 of a "YYYY-MM" string. */
function monthIndex(month: string): number {
  const [year = Number.NaN, monthOfYear = Number.NaN] = month.split('-').map(Number);
  return (year - FIRST_YEAR) * 12 + monthOfYear - 1;
}

function generateMonthly(rng: Rng): Table {
  const truth = SAMPLE_TRUTH.monthly;
  const ahtTargetIndex = monthIndex(truth.ahtTargetFrom);
  // Months before 2021-01 are simulated but not published, so lagged effects exist from the first month on.
  const burnIn = truth.npsLeadsRevenueByMonths;
  const length = burnIn + MONTH_COUNT;
  const trendIndex = (i: number) => i - burnIn;
  // Peaks in December (month-of-year 11), troughs in June.
  const seasonal = (i: number) => Math.cos((2 * Math.PI * ((trendIndex(i) % 12) - 11)) / 12);

  const npsCycle = ar1(rng, length, 0.6, 2.5);
  const cesCycle = ar1(rng, length, 0.5, 0.15);

  const nps: number[] = [];
  const aht: number[] = [];
  const csat: number[] = [];
  const fcr: number[] = [];
  const ces: number[] = [];
  for (let i = 0; i < length; i++) {
    const t = trendIndex(i);
    nps.push(round(31 + truth.npsTrendPerMonth * t + at(npsCycle, i), 1));
    const ahtLevel = t >= ahtTargetIndex ? 372 : 420;
    aht.push(Math.round(ahtLevel + rng.normal(0, 9)));
    csat.push(round(77 + truth.csatPerAhtSecond * (at(aht, i) - 400) + 0.2 * at(npsCycle, i) + rng.normal(0, 0.7), 1));
    fcr.push(round(72 + truth.fcrPerAhtSecond * (at(aht, i) - 400) + rng.normal(0, 1), 1));
    ces.push(round(3.4 + truth.cesPerFcrPointLost * (72 - at(fcr, i)) + at(cesCycle, i), 2));
  }

  const columns = {
    month: [] as string[],
    revenue: [] as number[],
    churn_rate: [] as number[],
    conversion_rate: [] as number[],
    aov: [] as number[],
    sla_compliance: [] as number[],
    sentiment: [] as number[],
    cost_to_serve: [] as number[],
  };
  for (let i = burnIn; i < length; i++) {
    const t = trendIndex(i);
    columns.month.push(`${FIRST_YEAR + Math.floor(t / 12)}-${pad2((t % 12) + 1)}`);
    const revenue =
      9_600_000 +
      truth.revenueTrendPerMonth * t +
      truth.revenueSeasonalAmplitude * seasonal(i) +
      truth.revenuePerNpsPoint * (at(nps, i - truth.npsLeadsRevenueByMonths) - 35) +
      rng.normal(0, 50_000);
    columns.revenue.push(round(revenue, 2));
    columns.churn_rate.push(
      round(1.3 + truth.churnPerCesPoint * (at(ces, i - truth.cesLeadsChurnByMonths) - 3.5) + rng.normal(0, 0.05), 2),
    );
    columns.conversion_rate.push(round(2.6 + 0.004 * t + 0.15 * seasonal(i) + rng.normal(0, 0.06), 2));
    columns.aov.push(round(86 + 0.08 * t + 3 * seasonal(i) + rng.normal(0, 0.9), 2));
    columns.sla_compliance.push(round(clamp(89 + 0.1 * (420 - at(aht, i)) + rng.normal(0, 0.8), 0, 99.5), 1));
    columns.sentiment.push(round(clamp(0.05 + 0.006 * (at(nps, i) - 20) + rng.normal(0, 0.025), -1, 1), 3));
    columns.cost_to_serve.push(round(1.5 + 0.0095 * at(aht, i) + 0.04 * (75 - at(fcr, i)) + rng.normal(0, 0.07), 2));
  }

  const published = (series: readonly number[]): (number | null)[] => series.slice(burnIn);
  const table: Table = {
    columns: [
      { name: 'month', type: 'date', values: columns.month },
      { name: 'revenue', type: 'number', values: columns.revenue },
      { name: 'nps', type: 'number', values: published(nps) },
      { name: 'csat', type: 'number', values: published(csat) },
      { name: 'ces', type: 'number', values: published(ces) },
      { name: 'fcr', type: 'number', values: published(fcr) },
      { name: 'aht_seconds', type: 'number', values: published(aht) },
      { name: 'churn_rate', type: 'number', values: columns.churn_rate },
      { name: 'conversion_rate', type: 'number', values: columns.conversion_rate },
      { name: 'aov', type: 'number', values: columns.aov },
      { name: 'sla_compliance', type: 'number', values: columns.sla_compliance },
      { name: 'sentiment', type: 'number', values: columns.sentiment },
      { name: 'cost_to_serve', type: 'number', values: columns.cost_to_serve },
    ],
  };
  for (const cell of truth.missingCells) {
    const row = columns.month.indexOf(cell.month);
    const target = table.columns.find((c) => c.name === cell.column);
    if (row < 0 || target === undefined) throw new RangeError(`Missing cell ${cell.column}@${cell.month} is not in the table`);
    target.values[row] = null;
  }
  return table;
}

const REGIONS = [
  { name: 'North', weight: 0.28, shift: 0.05 },
  { name: 'South', weight: 0.24, shift: -0.05 },
  { name: 'East', weight: 0.22, shift: 0 },
  { name: 'West', weight: 0.26, shift: 0.03 },
] as const;

const CHANNELS = [
  { name: 'Phone', weight: 0.35, shift: 0 },
  { name: 'Chat', weight: 0.25, shift: 0.05 },
  { name: 'Email', weight: 0.15, shift: -0.2 },
  { name: 'Store', weight: 0.1, shift: 0.15 },
  { name: 'App', weight: 0.15, shift: 0.1 },
] as const;

/** Draws an item with probability proportional to its weight. */
function weighted<T>(rng: Rng, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let u = rng.next() * total;
  for (const item of items) {
    u -= weightOf(item);
    if (u < 0) return item;
  }
  return items[items.length - 1] as T;
}

const PRAISE = [
  'Quick and friendly, thanks!',
  'Sorted in one call.',
  'The agent was patient and really knew the product',
  'Great service',
  'Easy to use app',
  'Delivery arrived a day early',
  'Solved it first time, no fuss',
  'Kind staff in the store',
  'Clear answer, no waiting',
  'Best support I have had from any provider',
];

const COMPLAINTS = [
  'Waited 40 minutes on hold',
  'Had to explain my problem three times',
  'The agent rushed me off the phone before it was fixed',
  'Transferred twice and still not resolved',
  'Chat bot loop, could not reach a person',
  'Refund still missing after two weeks',
  'Nobody called back as promised',
  'Had to call again the next day',
  'Too much effort for a simple change',
  'App keeps logging me out',
];

const NEUTRAL = ['OK', 'Fine', 'It was alright', 'n/a', 'Average experience', 'Nothing to add'];

/** Comments of the kind real exports contain and naive importers break on. */
const TRICKY = [
  'Good, but slow, very slow',
  'He said "we\'ll call you back", nobody did',
  '"Excellent"',
  'First line\nsecond line',
  'Line one\r\nline two, after a CRLF',
  'Love it 😍👍',
  '👨‍👩‍👧 family plan is great',
  'Très bien — merci à l’équipe',
  '=SUM(A1:A10)',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@HYPERLINK("http://example.invalid","click")',
  '<script>alert(1)</script>',
  '<b>bold</b> claims & "quotes"',
  '   leading and trailing spaces   ',
  'tab\tinside',
  '; semicolon; separated; text',
  '1.234,56 € was charged twice',
  '""',
];

const ID_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];

function responseId(rng: Rng): string {
  let id = 'R_';
  for (let i = 0; i < 15; i++) id += rng.pick(ID_ALPHABET);
  return id;
}

function comment(rng: Rng, recommend: number): string | null {
  // Unhappy customers write more often, as in real verbatim feedback.
  const writes = recommend <= 6 ? 0.3 : recommend <= 8 ? 0.12 : 0.18;
  if (rng.next() >= writes) return null;
  if (rng.next() < 0.1) return rng.pick(TRICKY);
  if (recommend <= 6) return rng.pick(COMPLAINTS);
  if (recommend <= 8) return rng.pick(NEUTRAL);
  return rng.pick(PRAISE);
}

interface Agent {
  name: string;
  team: TeamSpec;
  shift: number;
  workload: number;
}

interface SurveyResponse {
  day: Date;
  region: string;
  channel: string;
  agent: Agent;
  recommend: number | null;
  csat: number;
  effort: number;
  comment: string | null;
}

function generateSurvey(rng: Rng): Table {
  const agents: Agent[] = [];
  for (const team of TEAMS) {
    for (let k = 0; k < team.agents; k++) {
      agents.push({
        name: `Agent ${pad2(agents.length + 1)}`,
        team,
        shift: rng.normal(0, 0.1),
        workload: rng.triangular(0.6, 1, 1.4),
      });
    }
  }

  const yearStart = Date.UTC(SURVEY_YEAR, 0, 1);
  const daysInYear = (Date.UTC(SURVEY_YEAR + 1, 0, 1) - yearStart) / 86_400_000;
  const drawDay = (): Date => {
    // Fewer customers answer at weekends.
    for (;;) {
      const day = new Date(yearStart + rng.int(0, daysInYear - 1) * 86_400_000);
      const weekday = day.getUTCDay();
      const keep = weekday === 0 ? 0.35 : weekday === 6 ? 0.6 : 1;
      if (rng.next() < keep) return day;
    }
  };

  const responses: SurveyResponse[] = [];
  for (let n = 0; n < SURVEY_RESPONSES; n++) {
    const day = drawDay();
    const region = weighted(rng, REGIONS, (r) => r.weight);
    const channel = weighted(rng, CHANNELS, (c) => c.weight);
    const agent = weighted(rng, agents, (a) => a.workload);
    // A slow improvement over the year, in line with the monthly NPS trend.
    const drift = 0.02 * day.getUTCMonth();
    const satisfaction =
      agent.team.satisfactionShift + agent.shift + region.shift + channel.shift + drift + rng.normal();
    const recommend = Math.round(clamp(8 + 1.8 * satisfaction + rng.normal(0, 0.7), 0, 10));
    responses.push({
      day,
      region: region.name,
      channel: channel.name,
      agent,
      recommend: rng.next() < SAMPLE_TRUTH.survey.blankRecommendShare ? null : recommend,
      csat: Math.round(clamp(4 + 0.8 * satisfaction + rng.normal(0, 0.55), 1, 5)),
      effort: Math.round(clamp(3 - 0.9 * satisfaction + rng.normal(0, 0.7), 1, 7)),
      comment: comment(rng, recommend),
    });
  }
  // Exports list responses in submission order; Array.prototype.sort is stable, so ties keep draw order.
  responses.sort((x, y) => x.day.getTime() - y.day.getTime());

  const ids = new Set<string>();
  const idColumn: string[] = [];
  for (let n = 0; n < responses.length; n++) {
    let id = responseId(rng);
    while (ids.has(id)) id = responseId(rng);
    ids.add(id);
    idColumn.push(id);
  }

  return {
    columns: [
      { name: 'response_id', type: 'text', values: idColumn },
      { name: 'submitted', type: 'date', values: responses.map((r) => r.day.toISOString().slice(0, 10)) },
      { name: 'region', type: 'category', values: responses.map((r) => r.region) },
      { name: 'channel', type: 'category', values: responses.map((r) => r.channel) },
      { name: 'team', type: 'category', values: responses.map((r) => r.agent.team.name) },
      { name: 'agent', type: 'category', values: responses.map((r) => r.agent.name) },
      { name: 'likelihood_to_recommend', type: 'number', values: responses.map((r) => r.recommend) },
      { name: 'csat', type: 'number', values: responses.map((r) => r.csat) },
      { name: 'effort', type: 'number', values: responses.map((r) => r.effort) },
      { name: 'comment', type: 'text', values: responses.map((r) => r.comment) },
    ],
  };
}
