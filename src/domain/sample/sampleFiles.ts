// The sample CSV files as name + content, so the generator script and any in-app download write identical bytes.
import { toCsv } from './csv';
import { generateSampleData, SAMPLE_SEED } from './sampleData';
import { rowCount } from './table';

export interface SampleFile {
  name: string;
  /** RFC 4180 text with CRLF line ends. */
  csv: string;
  rows: number;
}

export function sampleFiles(seed: number = SAMPLE_SEED): SampleFile[] {
  const { monthly, survey } = generateSampleData(seed);
  return [
    { name: 'monthly-kpis.csv', csv: toCsv(monthly), rows: rowCount(monthly) },
    { name: 'survey-responses.csv', csv: toCsv(survey), rows: rowCount(survey) },
  ];
}
