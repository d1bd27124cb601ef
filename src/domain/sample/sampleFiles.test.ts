// Tests for the sample file set: exact bytes for the default seed, names, row counts and size.
import { describe, expect, it } from 'vitest';
import { sampleFiles } from './sampleFiles';

/** FNV-1a over UTF-16 code units: a short fingerprint that changes when any character of the output does. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

describe('sampleFiles', () => {
  const files = sampleFiles();

  it('names the monthly and survey files with their row counts', () => {
    expect(files.map((f) => [f.name, f.rows])).toEqual([
      ['monthly-kpis.csv', 60],
      ['survey-responses.csv', 12_000],
    ]);
  });

  it('writes exactly the same text for the default seed (the committed sample files depend on it)', () => {
    expect(files.map((f) => [f.csv.length, fnv1a(f.csv)])).toEqual([
      [4614, 'b0021c49'],
      [888300, '4dac3806'],
    ]);
  });

  it('keeps the survey file well under 2 MB', () => {
    const survey = files[1];
    expect(new TextEncoder().encode(survey?.csv).length).toBeLessThan(2_000_000);
  });

  it('starts each file with its header row', () => {
    expect(files[0]?.csv.startsWith('month,revenue,nps,csat,ces,fcr,aht_seconds,churn_rate,')).toBe(true);
    expect(files[1]?.csv.startsWith('response_id,submitted,region,channel,team,agent,likelihood_to_recommend,')).toBe(true);
  });
});
