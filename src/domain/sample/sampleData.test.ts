// Tests for the sample generator: determinism, shape, plausible ranges, and that its built-in truths are recoverable.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSampleData, SAMPLE_TRUTH } from './sampleData';
import { column, rowCount, type Table } from './table';

const data = generateSampleData();
const monthly = data.monthly;
const survey = data.survey;

function numbers(table: Table, name: string): (number | null)[] {
  return column(table, name).values.map((v) => {
    if (v !== null && typeof v !== 'number') throw new TypeError(`${name} holds a non-number ${v}`);
    return v;
  });
}

function strings(table: Table, name: string): string[] {
  return column(table, name).values.map((v) => {
    if (typeof v !== 'string') throw new TypeError(`${name} holds a non-string ${v}`);
    return v;
  });
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

function pearson(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx;
    const dy = (y[i] ?? Number.NaN) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function slope(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * ((y[i] ?? Number.NaN) - my);
    sxx += (xi - mx) ** 2;
  });
  return sxy / sxx;
}

/** Complete pairs (x[t], y[t+lag]) with their time index. */
function lagPairs(x: readonly (number | null)[], y: readonly (number | null)[], lag: number) {
  const xs: number[] = [];
  const ys: number[] = [];
  const ts: number[] = [];
  for (let t = 0; t + lag < x.length; t++) {
    const a = x[t];
    const b = y[t + lag];
    if (a != null && b != null) {
      xs.push(a);
      ys.push(b);
      ts.push(t);
    }
  }
  return { xs, ys, ts };
}

/** Slope of y on x with a linear time trend controlled (Frisch–Waugh: both detrended, then regressed). */
function trendControlledSlope(x: readonly (number | null)[], y: readonly (number | null)[], lag: number): number {
  const { xs, ys, ts } = lagPairs(x, y, lag);
  const detrend = (v: number[]) => {
    const b = slope(ts, v);
    const mv = mean(v);
    const mt = mean(ts);
    return v.map((vi, i) => vi - mv - b * ((ts[i] ?? 0) - mt));
  };
  return slope(detrend(xs), detrend(ys));
}

function differences(v: readonly (number | null)[]): (number | null)[] {
  return v.slice(1).map((x, i) => {
    const prev = v[i];
    return x == null || prev == null ? null : x - prev;
  });
}

function differencedCorrelation(x: readonly (number | null)[], y: readonly (number | null)[], lag: number): number {
  const { xs, ys } = lagPairs(differences(x), differences(y), lag);
  return pearson(xs, ys);
}

function nps(scores: readonly (number | null)[]): number {
  const answered = scores.filter((s): s is number => s !== null);
  const promoters = answered.filter((s) => s >= 9).length;
  const detractors = answered.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / answered.length;
}

describe('generateSampleData: determinism', () => {
  it('returns identical data for the same seed', () => {
    expect(generateSampleData()).toEqual(data);
    expect(generateSampleData(99)).toEqual(generateSampleData(99));
  });

  it('pins the first month and the first response of the default seed', () => {
    expect(monthly.columns.map((c) => c.values[0])).toEqual([
      '2021-01', 9504756.38, 27.7, 77.7, 3.34, 72.8, 406, 1.19, 2.71, 87.88, 90.2, 0.114, 5.47,
    ]);
    expect(survey.columns.map((c) => c.values[0])).toEqual([
      'R_i3t0xGCnkMvfa0a', '2025-01-01', 'West', 'App', 'Team Nimbus', 'Agent 27', 9, 4, 3, 'Quick and friendly, thanks!',
    ]);
  });

  it('gives a different seed different data', () => {
    const other = generateSampleData(SAMPLE_TRUTH.seed + 1);
    expect(numbers(other.monthly, 'revenue')).not.toEqual(numbers(monthly, 'revenue'));
  });
});

describe('generateSampleData: monthly KPIs', () => {
  it('has 60 consecutive months from 2021-01 to 2025-12 and the documented columns', () => {
    expect(rowCount(monthly)).toBe(60);
    expect(monthly.columns.map((c) => c.name)).toEqual([
      'month', 'revenue', 'nps', 'csat', 'ces', 'fcr', 'aht_seconds', 'churn_rate', 'conversion_rate', 'aov',
      'sla_compliance', 'sentiment', 'cost_to_serve',
    ]);
    const months = strings(monthly, 'month');
    expect(months[0]).toBe(SAMPLE_TRUTH.monthly.firstMonth);
    expect(months[59]).toBe(SAMPLE_TRUTH.monthly.lastMonth);
    expect(months[12]).toBe('2022-01');
    expect(new Set(months).size).toBe(60);
  });

  it('leaves exactly the documented cells missing', () => {
    const months = strings(monthly, 'month');
    const missing = monthly.columns.flatMap((c) =>
      c.values.flatMap((v, row) => (v === null ? [{ month: months[row], column: c.name }] : [])),
    );
    expect(missing.sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''))).toEqual(SAMPLE_TRUTH.monthly.missingCells);
  });

  it('keeps every metric on its scale', () => {
    const within = (name: string, low: number, high: number) => {
      for (const v of numbers(monthly, name)) if (v !== null) expect(v, name).toSatisfy((x: number) => x >= low && x <= high);
    };
    within('revenue', 9_000_000, 12_000_000);
    within('nps', -100, 100);
    within('csat', 0, 100);
    within('ces', 1, 7);
    within('fcr', 0, 100);
    within('aht_seconds', 200, 600);
    within('churn_rate', 0, 100);
    within('conversion_rate', 0, 100);
    within('sla_compliance', 0, 100);
    within('sentiment', -1, 1);
    within('aov', 50, 150);
    within('cost_to_serve', 0, 20);
  });

  it('recovers the NPS → revenue effect at lag 3 once the time trend is controlled', () => {
    const slope3 = trendControlledSlope(numbers(monthly, 'nps'), numbers(monthly, 'revenue'), 3);
    expect(slope3).toBeGreaterThan(SAMPLE_TRUTH.monthly.revenuePerNpsPoint * 0.75);
    expect(slope3).toBeLessThan(SAMPLE_TRUTH.monthly.revenuePerNpsPoint * 1.25);
  });

  it('over-states the NPS effect in plain levels, because both series trend', () => {
    const { xs, ys } = lagPairs(numbers(monthly, 'nps'), numbers(monthly, 'revenue'), 3);
    expect(slope(xs, ys)).toBeGreaterThan(SAMPLE_TRUTH.monthly.revenuePerNpsPoint * 2);
  });

  it('peaks the differenced NPS–revenue correlation at lag 3 only', () => {
    const r = [0, 1, 2, 3, 4, 5, 6].map((k) =>
      differencedCorrelation(numbers(monthly, 'nps'), numbers(monthly, 'revenue'), k),
    );
    expect(r[3]).toBeGreaterThan(0.7);
    r.forEach((rk, k) => {
      if (k !== 3) expect(Math.abs(rk)).toBeLessThan(0.3);
    });
  });

  it('shows the AHT trade-off: shorter handle time goes with lower CSAT and FCR', () => {
    const aht = numbers(monthly, 'aht_seconds');
    const csat = lagPairs(aht, numbers(monthly, 'csat'), 0);
    const fcr = lagPairs(aht, numbers(monthly, 'fcr'), 0);
    expect(pearson(csat.xs, csat.ys)).toBeGreaterThan(0.7);
    expect(pearson(fcr.xs, fcr.ys)).toBeGreaterThan(0.7);
    const before = (name: string) => mean(numbers(monthly, name).slice(0, 30).filter((v): v is number => v !== null));
    const after = (name: string) => mean(numbers(monthly, name).slice(30).filter((v): v is number => v !== null));
    expect(before('aht_seconds') - after('aht_seconds')).toBeGreaterThan(35);
    expect(before('csat') - after('csat')).toBeGreaterThan(2);
    expect(after('sla_compliance') - before('sla_compliance')).toBeGreaterThan(3);
  });

  it('lets CES lead churn by one month', () => {
    const ces = numbers(monthly, 'ces');
    const churn = numbers(monthly, 'churn_rate');
    const r = [0, 1, 2, 3].map((k) => differencedCorrelation(ces, churn, k));
    expect(r[1]).toBeGreaterThan(0.8);
    for (const k of [0, 2, 3]) expect(Math.abs(r[k] ?? 1)).toBeLessThan(0.5);
    const effect = trendControlledSlope(ces, churn, 1);
    expect(effect).toBeGreaterThan(SAMPLE_TRUTH.monthly.churnPerCesPoint * 0.8);
    expect(effect).toBeLessThan(SAMPLE_TRUTH.monthly.churnPerCesPoint * 1.2);
  });
});

describe('generateSampleData: survey responses', () => {
  it('has 12,000 responses in submission order over 2025', () => {
    expect(rowCount(survey)).toBe(SAMPLE_TRUTH.survey.responses);
    expect(survey.columns.map((c) => c.name)).toEqual([
      'response_id', 'submitted', 'region', 'channel', 'team', 'agent', 'likelihood_to_recommend', 'csat', 'effort',
      'comment',
    ]);
    const dates = strings(survey, 'submitted');
    for (const d of dates) expect(d).toMatch(/^2025-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates.map((d) => d.slice(0, 7))).size).toBe(12);
  });

  it('gives every response a unique Qualtrics-style id', () => {
    const ids = strings(survey, 'response_id');
    for (const id of ids) expect(id).toMatch(/^R_[A-Za-z0-9]{15}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps answers on their scales and leaves about 1 % of recommend answers blank', () => {
    const recommend = numbers(survey, 'likelihood_to_recommend');
    const blanks = recommend.filter((v) => v === null).length;
    expect(blanks / recommend.length).toBeGreaterThan(0.005);
    expect(blanks / recommend.length).toBeLessThan(0.015);
    const integersIn = (values: (number | null)[], low: number, high: number) =>
      values.every((v) => v === null || (Number.isInteger(v) && v >= low && v <= high));
    expect(integersIn(recommend, 0, 10)).toBe(true);
    expect(integersIn(numbers(survey, 'csat'), 1, 5)).toBe(true);
    expect(integersIn(numbers(survey, 'effort'), 1, 7)).toBe(true);
    expect(numbers(survey, 'csat').includes(null)).toBe(false);
  });

  it('uses the four regions and five channels', () => {
    expect(new Set(strings(survey, 'region'))).toEqual(new Set(['North', 'South', 'East', 'West']));
    expect(new Set(strings(survey, 'channel'))).toEqual(new Set(['Phone', 'Chat', 'Email', 'Store', 'App']));
  });

  it('places every agent in exactly one team', () => {
    const teams = strings(survey, 'team');
    const teamOf = new Map<string, Set<string>>();
    strings(survey, 'agent').forEach((agent, i) => {
      const set = teamOf.get(agent) ?? new Set<string>();
      set.add(teams[i] ?? '');
      teamOf.set(agent, set);
    });
    expect(teamOf.size).toBe(40);
    for (const set of teamOf.values()) expect(set.size).toBe(1);
  });

  it('shows clearly different team NPS, ordered as the latent team shifts', () => {
    const teams = strings(survey, 'team');
    const recommend = numbers(survey, 'likelihood_to_recommend');
    const byTeam = SAMPLE_TRUTH.survey.teams.map((team) => ({
      ...team,
      nps: nps(recommend.filter((_, i) => teams[i] === team.name)),
    }));
    const byShift = [...byTeam].sort((a, b) => a.satisfactionShift - b.satisfactionShift).map((t) => t.name);
    const byNps = [...byTeam].sort((a, b) => a.nps - b.nps).map((t) => t.name);
    expect(byNps).toEqual(byShift);
    const spread = Math.max(...byTeam.map((t) => t.nps)) - Math.min(...byTeam.map((t) => t.nps));
    expect(spread).toBeGreaterThan(25);
    expect(nps(recommend)).toBeGreaterThan(10);
    expect(nps(recommend)).toBeLessThan(50);
  });

  it('leaves most comments empty and includes the awkward kinds real exports contain', () => {
    const comments = column(survey, 'comment').values;
    const written = comments.filter((c): c is string => typeof c === 'string');
    expect(written.length / comments.length).toBeLessThan(0.3);
    expect(written.length / comments.length).toBeGreaterThan(0.1);
    const has = (test: (c: string) => boolean) => written.some(test);
    expect(has((c) => c.includes(','))).toBe(true);
    expect(has((c) => c.includes('"'))).toBe(true);
    expect(has((c) => c.includes('\r\n'))).toBe(true);
    expect(has((c) => /\n/.test(c.replaceAll('\r\n', '')))).toBe(true);
    expect(has((c) => /\p{Extended_Pictographic}/u.test(c))).toBe(true);
    expect(has((c) => c.startsWith('=SUM('))).toBe(true);
    expect(has((c) => c.startsWith('+cmd'))).toBe(true);
    expect(has((c) => c === '<script>alert(1)</script>')).toBe(true);
  });

  it('keeps shapes and scales for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { monthly: m, survey: s } = generateSampleData(seed);
        expect(rowCount(m)).toBe(60);
        expect(rowCount(s)).toBe(12_000);
        for (const v of numbers(m, 'nps')) if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(100);
        for (const v of numbers(m, 'sentiment')) if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(numbers(s, 'effort').every((v) => v !== null && v >= 1 && v <= 7)).toBe(true);
      }),
      { numRuns: 5 },
    );
  });
});
