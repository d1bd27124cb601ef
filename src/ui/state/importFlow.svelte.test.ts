// guessKind: whether a previewed CSV is raw survey responses or a metric time series, from its layout, names and values.
import { describe, expect, it } from 'vitest';
import { previewFile } from '../../io/csvImport/preview';
import { blobOf } from '../../io/csvImport/testing';
import { guessKind } from './importFlow.svelte';

async function kindOf(text: string, fileName = 'export.csv') {
  return guessKind(await previewFile(blobOf(text)), fileName);
}

describe('guessKind', () => {
  it('takes a monthly KPI export with nps, csat and ces score columns for a time series', async () => {
    const kpis = 'month,revenue,nps,csat,ces\n2024-01,933755.38,29.9,74.7,4.36\n2024-02,944592.67,32.8,74.9,4.13\n';
    expect(await kindOf(kpis, 'monthly_kpis.csv')).toBe('timeseries');
  });

  it('takes whole-number answers on a scale in an nps or csat column for survey responses', async () => {
    const answers = 'date,region,nps,csat\n2024-01-03,North,9,5\n2024-01-04,South,,3\n2024-01-05,North,10,4\n';
    expect(await kindOf(answers)).toBe('survey');
  });

  it('takes a file with a recommend or comment column, or a survey file name, for survey responses', async () => {
    expect(await kindOf('submitted,likelihood_to_recommend\n2024-01-03,7\n')).toBe('survey');
    expect(await kindOf('submitted,score,comment\n2024-01-03,70,fine\n')).toBe('survey');
    expect(await kindOf('submitted,score\n2024-01-03,70\n', 'Q1 survey.csv')).toBe('survey');
  });

  it('takes a Qualtrics export for survey responses whatever its columns', async () => {
    const qualtrics =
      'StartDate,EndDate,Q1\nStart Date,End Date,Score\n"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""QID1""}"\n' +
      '2024-03-01 09:15:02,2024-03-01 09:17:40,42.5\n';
    expect(await kindOf(qualtrics)).toBe('survey');
  });

  it('takes revenue by month for a time series', async () => {
    expect(await kindOf('month,revenue\n2024-01,1000\n2024-02,1010\n')).toBe('timeseries');
  });
});
