// Known answers for the survey fixture: R's figures from truth_open.json, and NPS per month × region computed in Node.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/** The shared fixtures folder, beside the project (tests run from the project root). */
export const FIXTURES = path.resolve(process.cwd(), '../shared/fixtures');

export const SURVEY_CSV = path.join(FIXTURES, 'survey_responses.csv');
export const MONTHLY_KPIS_CSV = path.join(FIXTURES, 'monthly_kpis.csv');

interface NpsTruth {
  n: number;
  nps: number;
}

export interface SurveyTruth {
  overall: { nps: NpsTruth; csat: { n: number; csat_top2_pct: number } };
  by_month: Record<string, NpsTruth>;
  by_region: Record<string, NpsTruth>;
}

/** The R reference figures for survey_responses.csv. */
export function surveyTruth(): SurveyTruth {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, 'truth_open.json'), 'utf8')) as { survey: SurveyTruth };
  return json.survey;
}

/** NPS of a group as the domain defines it: % promoters (9–10) − % detractors (0–6) of the valid 0–10 answers. */
function nps(answers: number[]): NpsTruth {
  const n = answers.length;
  const promoters = answers.filter((a) => a >= 9).length;
  const detractors = answers.filter((a) => a <= 6).length;
  return { n, nps: (100 * (promoters - detractors)) / n };
}

export interface NpsGroups {
  byMonth: Map<string, NpsTruth>;
  byRegion: Map<string, NpsTruth>;
  /** Key `${month}|${region}`. */
  byMonthAndRegion: Map<string, NpsTruth>;
}

/**
 * Pools the fixture's answers per month, per region and per month × region. The UI splits by region only within a
 * period, so the month × region cells are checked against these; by month and by region they reproduce R's figures,
 * which anchors the computation.
 */
export function npsGroups(): NpsGroups {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(SURVEY_CSV, 'utf8'), { header: true, skipEmptyLines: true });
  const months = new Map<string, number[]>();
  const regions = new Map<string, number[]>();
  const cells = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const row of parsed.data) {
    const answer = row['likelihood_to_recommend'] ?? '';
    if (answer === '') continue;
    const month = (row['submitted'] ?? '').slice(0, 7);
    const region = row['region'] ?? '';
    push(months, month, Number(answer));
    push(regions, region, Number(answer));
    push(cells, `${month}|${region}`, Number(answer));
  }
  const scored = (map: Map<string, number[]>) => new Map([...map].map(([key, answers]) => [key, nps(answers)]));
  return { byMonth: scored(months), byRegion: scored(regions), byMonthAndRegion: scored(cells) };
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A figure as the app shows it in en-US with one decimal: 2.8549… → "2.9", −3.237… → "-3.2". */
export function en1(value: number): string {
  return oneDecimal.format(value);
}

/** A count as the app shows it in en-US: 3958 → "3,958". */
export function enCount(value: number): string {
  return whole.format(value);
}
