// Recognises the extra header rows of survey-platform exports and turns header cells into unique column names.

export type HeaderSource = 'plain' | 'qualtrics' | 'surveymonkey';

export interface DuplicateName {
  name: string;
  /** 0-based positions of every column that carries this name. */
  columns: number[];
}

export interface HeaderLayout {
  source: HeaderSource;
  /** Rows before the first data row. */
  headerRowCount: number;
  /** One unique, non-empty name per column. */
  names: string[];
  /** The full question text where the export gives one (Qualtrics row 2, SurveyMonkey row 1); '' otherwise. */
  descriptions: string[];
  /** Names that appear in more than one column as written in the file (before they were made unique). */
  duplicates: DuplicateName[];
  /** 0-based positions of columns whose header was blank and received a "Column N" name. */
  unnamed: number[];
}

/** Joins a SurveyMonkey question and one of its options, with an en dash: "Which channels? – Phone". */
export const QUESTION_OPTION_JOINER = ' – ';

// Qualtrics system columns as (row 1 id, row 2 label) pairs: two matching pairs identify the export even when the
// ImportId row is missing (exports made with the legacy format or trimmed by hand).
const QUALTRICS_SYSTEM_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['startdate', 'start date'],
  ['enddate', 'end date'],
  ['status', 'response type'],
  ['ipaddress', 'ip address'],
  ['progress', 'progress'],
  ['duration (in seconds)', 'duration (in seconds)'],
  ['finished', 'finished'],
  ['recordeddate', 'recorded date'],
  ['responseid', 'response id'],
  ['recipientlastname', 'recipient last name'],
  ['recipientfirstname', 'recipient first name'],
  ['recipientemail', 'recipient email'],
  ['externalreference', 'external data reference'],
  ['locationlatitude', 'location latitude'],
  ['locationlongitude', 'location longitude'],
  ['distributionchannel', 'distribution channel'],
  ['userlanguage', 'user language'],
]);

const IMPORT_ID_CELL = /^\s*\{\s*"ImportId"\s*:/;
const SURVEYMONKEY_GENERIC_OPTIONS = new Set(['response', 'open-ended response']);

function cell(row: readonly string[] | undefined, column: number): string {
  return (row?.[column] ?? '').replace(/^\uFEFF/, '').trim();
}

function isQualtricsImportIdRow(row: readonly string[] | undefined): boolean {
  if (row === undefined) return false;
  let nonBlank = 0;
  let importIds = 0;
  for (const value of row) {
    if (value.trim() === '') continue;
    nonBlank++;
    if (IMPORT_ID_CELL.test(value)) importIds++;
  }
  return importIds > 0 && importIds * 2 >= nonBlank;
}

function qualtricsSystemPairs(first: readonly string[], second: readonly string[] | undefined, width: number): number {
  let pairs = 0;
  for (let j = 0; j < width; j++) {
    const label = QUALTRICS_SYSTEM_COLUMNS.get(cell(first, j).toLowerCase());
    if (label !== undefined && cell(second, j).toLowerCase() === label) pairs++;
  }
  return pairs;
}

function isSurveyMonkeyShape(first: readonly string[], second: readonly string[] | undefined, width: number): boolean {
  if (second === undefined) return false;
  let generic = false;
  let continued = false;
  let seenQuestion = false;
  for (let j = 0; j < width; j++) {
    const top = cell(first, j);
    const sub = cell(second, j);
    if (SURVEYMONKEY_GENERIC_OPTIONS.has(sub.toLowerCase())) generic = true;
    if (top !== '') seenQuestion = true;
    else if (seenQuestion && sub !== '') continued = true;
  }
  return generic && (continued || cell(first, 0).toLowerCase() === 'respondent id');
}

/**
 * Gives every column a unique, non-empty name: blank headers become "Column N" (N counted from 1), and the
 * second, third… use of a name becomes "Name (2)", "Name (3)", never colliding with a name written in the file.
 */
export function uniqueNames(raw: readonly string[]): { names: string[]; duplicates: DuplicateName[]; unnamed: number[] } {
  const positions = new Map<string, number[]>();
  raw.forEach((name, j) => {
    if (name === '') return;
    const list = positions.get(name);
    if (list === undefined) positions.set(name, [j]);
    else list.push(j);
  });
  const duplicates = [...positions].filter(([, columns]) => columns.length > 1).map(([name, columns]) => ({ name, columns }));

  const taken = new Set(positions.keys());
  const given = new Set<string>();
  const unnamed: number[] = [];
  const names = raw.map((name, j) => {
    if (name !== '' && !given.has(name)) {
      given.add(name);
      return name;
    }
    if (name === '') unnamed.push(j);
    const base = name === '' ? `Column ${j + 1}` : name;
    let candidate = base;
    for (let k = 2; given.has(candidate) || (candidate !== name && taken.has(candidate)); k++) candidate = `${base} (${k})`;
    given.add(candidate);
    taken.add(candidate);
    return candidate;
  });
  return { names, duplicates, unnamed };
}

function surveyMonkeyHeaders(first: readonly string[], second: readonly string[], width: number): {
  raw: string[];
  descriptions: string[];
} {
  const raw: string[] = [];
  const descriptions: string[] = [];
  let question = '';
  let groupStart = 0;
  let groupEnd = 0;
  for (let j = 0; j < width; j++) {
    const top = cell(first, j);
    const sub = cell(second, j);
    if (top !== '') {
      // A question spans its own column and the following ones with a blank row 1 and an option in row 2.
      question = top;
      groupStart = j;
      groupEnd = j + 1;
      while (groupEnd < width && cell(first, groupEnd) === '' && cell(second, groupEnd) !== '') groupEnd++;
    }
    if (j >= groupEnd) {
      raw.push(sub);
      descriptions.push('');
    } else if (sub === '' || (groupEnd - groupStart === 1 && SURVEYMONKEY_GENERIC_OPTIONS.has(sub.toLowerCase()))) {
      raw.push(question);
      descriptions.push(sub === '' ? '' : question);
    } else {
      raw.push(`${question}${QUESTION_OPTION_JOINER}${sub}`);
      descriptions.push(question);
    }
  }
  return { raw, descriptions };
}

/**
 * Reads the header layout from the first parsed rows of a file (about ten are plenty):
 * - Qualtrics: row 1 column ids (StartDate, Q1, Q2_1), row 2 question text, row 3 `{"ImportId":…}` → 3 header
 *   rows (2 when the ImportId row is absent but row 2 holds the system-column labels); names from row 1, question
 *   text kept as the description.
 * - SurveyMonkey: row 1 question text, blank over the further columns of a multi-column question; row 2
 *   "Response", "Open-Ended Response" or option labels → 2 header rows; an option column is named
 *   "Question – Option", a single-column question by its text.
 * - Otherwise 1 header row.
 * Width is that of the header rows, or of most data rows when those are wider, so data wider than the header gets
 * "Column N" names; a single row with a stray delimiter does not add a column (it is a ragged row).
 */
export function detectHeaderRows(rows: readonly (readonly string[])[]): HeaderLayout {
  const first = rows[0];
  if (first === undefined) {
    return { source: 'plain', headerRowCount: 0, names: [], descriptions: [], duplicates: [], unnamed: [] };
  }
  // Recognising the layout looks at every cell of the rows; the columns it names are tableWidth's.
  const widest = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const second = rows[1];
  const range = (width: number) => Array.from({ length: width }, (_, j) => j);

  const importIdRow = isQualtricsImportIdRow(rows[2]);
  if (importIdRow || qualtricsSystemPairs(first, second, widest) >= 2) {
    const headerRowCount = importIdRow ? 3 : 2;
    const columns = range(tableWidth(rows, headerRowCount));
    const raw = columns.map((j) => cell(first, j) || cell(second, j));
    return {
      source: 'qualtrics',
      headerRowCount,
      ...uniqueNames(raw),
      descriptions: columns.map((j) => cell(second, j)),
    };
  }

  if (second !== undefined && isSurveyMonkeyShape(first, second, widest)) {
    const { raw, descriptions } = surveyMonkeyHeaders(first, second, tableWidth(rows, 2));
    return { source: 'surveymonkey', headerRowCount: 2, ...uniqueNames(raw), descriptions };
  }

  const columns = range(tableWidth(rows, 1));
  return {
    source: 'plain',
    headerRowCount: 1,
    ...uniqueNames(columns.map((j) => cell(first, j))),
    descriptions: columns.map(() => ''),
  };
}

/**
 * How many columns a table has whose first `headerRowCount` rows are headers: the widest header row, or the
 * commonest length of the data rows when that is wider (an export that leaves the last headers out; the longer
 * length wins a tie). One data row with a stray delimiter, e.g. an unquoted comma in a comment, must not add a
 * column: every well-formed row would then look short and be refused, while the broken row would be imported.
 */
export function tableWidth(rows: readonly (readonly string[])[], headerRowCount: number): number {
  const headerWidth = rows.slice(0, headerRowCount).reduce((max, row) => Math.max(max, row.length), 0);
  const lengths = new Map<number, number>();
  for (const row of rows.slice(headerRowCount)) lengths.set(row.length, (lengths.get(row.length) ?? 0) + 1);
  let common = 0;
  let commonCount = 0;
  for (const [length, count] of lengths) {
    if (count > commonCount || (count === commonCount && length > common)) {
      common = length;
      commonCount = count;
    }
  }
  return Math.max(headerWidth, common);
}
