// Deterministic (seeded) data for the analysis benchmark: a monthly KPI table with 30 candidate metrics, and survey answers.
import { createRng } from '../src/domain/random/prng';

export interface KpiTable {
  /** Start of each month, UTC epoch ms. */
  months: Float64Array;
  kpi: Float64Array;
  metrics: Float64Array[];
}

/**
 * `periods` months of a KPI and `metricCount` metrics. Each metric is a trending AR(1) series; the KPI trends too and
 * moves with every third metric some months later, so lag scans and key drivers have real structure to find. A few
 * cells are blank, as in real exports.
 */
export function kpiTable(seed: number, periods = 120, metricCount = 30): KpiTable {
  const rng = createRng(seed);
  const months = Float64Array.from({ length: periods }, (_, t) => Date.UTC(2015, t, 1));
  const metrics = Array.from({ length: metricCount }, (_, j) => {
    const values = new Float64Array(periods);
    let level = rng.normal(0, 1);
    for (let t = 0; t < periods; t++) {
      level = 0.7 * level + rng.normal(0, 1);
      values[t] = 50 + 0.05 * (j % 5) * t + 3 * level;
    }
    return values;
  });
  const kpi = Float64Array.from({ length: periods }, (_, t) => {
    let value = 1_000_000 + 2_500 * t + rng.normal(0, 8_000);
    for (let j = 0; j < metricCount; j += 3) {
      const lag = j % 7;
      if (t >= lag) value += 1_500 * (metrics[j]![t - lag]! - 50);
    }
    return Math.round(value * 100) / 100;
  });
  for (let j = 0; j < metricCount; j += 4) metrics[j]![(j * 13) % periods] = Number.NaN;
  return { months, kpi, metrics };
}

export interface SurveyAnswers {
  /** 0–10 recommend item (NPS question). */
  recommend: Float64Array;
  /** 1–5 satisfaction. */
  csat: Float64Array;
  /** 1–7 effort, lower is easier. */
  effort: Float64Array;
  /** 1–5 rating of the app. */
  app: Float64Array;
  /** 1–5 rating of the agent's knowledge. */
  knowledge: Float64Array;
}

/** Lags 0..12 are scanned, as the app's default for series of 36 periods or more. */
export const SCAN_MAX_LAG = 12;
/** Drivers of the KPI in the scan's Shapley decomposition. */
export const SHAPLEY_DRIVERS = 10;

export const SURVEY_DRIVERS = ['csat', 'effort', 'app', 'knowledge'] as const;
/** Survey columns in stored order: the drivers, then the recommend item (the outcome). */
export const SURVEY_COLUMNS = [...SURVEY_DRIVERS, 'recommend'] as const;
export const SURVEY_SCALES = { recommend: [0, 10], csat: [1, 5], effort: [1, 7], app: [1, 5], knowledge: [1, 5] } as const;

/**
 * `rows` responses driven by one latent satisfaction per respondent, each answer rounded to its scale; about 1 % of
 * each item is blank and a few recommend answers carry the "99 = don't know" code that must count as missing.
 */
export function surveyAnswers(seed: number, rows: number): SurveyAnswers {
  const rng = createRng(seed);
  const out: SurveyAnswers = {
    recommend: new Float64Array(rows),
    csat: new Float64Array(rows),
    effort: new Float64Array(rows),
    app: new Float64Array(rows),
    knowledge: new Float64Array(rows),
  };
  const answer = (value: number, low: number, high: number) =>
    rng.next() < 0.01 ? Number.NaN : Math.round(Math.min(high, Math.max(low, value)));
  for (let i = 0; i < rows; i++) {
    const satisfaction = rng.normal();
    const digital = rng.normal();
    out.csat[i] = answer(4 + 0.8 * satisfaction + rng.normal(0, 0.5), 1, 5);
    out.effort[i] = answer(3 - 0.9 * satisfaction + rng.normal(0, 0.7), 1, 7);
    out.app[i] = answer(3.6 + 0.6 * digital + 0.3 * satisfaction + rng.normal(0, 0.6), 1, 5);
    out.knowledge[i] = answer(4 + 0.5 * satisfaction + rng.normal(0, 0.7), 1, 5);
    out.recommend[i] = rng.next() < 0.002 ? 99 : answer(7.5 + 1.6 * satisfaction + 0.4 * digital + rng.normal(0, 0.8), 0, 10);
  }
  return out;
}
