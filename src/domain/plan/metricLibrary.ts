// The standard CX, operational and financial metrics with exact definitions, and factories for plan metrics.
import type { Direction, Id, Metric, MetricCategory, MetricUnit, Timing } from './types';
import { newId } from './ids';
import { PlanEditError, checkedNumber, oneOf, optionalText, requiredText } from './validation';

export type MetricTemplate = Omit<Metric, 'id' | 'custom'>;

export const METRIC_CATEGORIES: readonly MetricCategory[] = ['cx', 'operational', 'financial'];
export const METRIC_UNITS: readonly MetricUnit[] = ['score', 'percent', 'seconds', 'currency', 'count', 'rating', 'ratio'];
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];
export const TIMINGS: readonly Timing[] = ['leading', 'lagging'];

/*
 * Scale bounds: a bound is given where the quantity cannot pass it (shares 0..100, durations and money ≥ 0);
 * scaleMax is null where the metric is open-ended (revenue, handle time).
 * Trade-offs are listed on both sides so either metric's card can show the risk.
 */
export const METRIC_LIBRARY: readonly MetricTemplate[] = [
  {
    key: 'nps',
    name: 'Net Promoter Score',
    abbreviation: 'NPS',
    category: 'cx',
    definition:
      'Percentage of promoters minus percentage of detractors among answers to the 0–10 question "How likely are you to ' +
      'recommend us to a friend or colleague?" Promoters answer 9–10, passives 7–8, detractors 0–6. Only that recommend ' +
      "question counts as NPS. A group's NPS is computed from its pooled responses, never as the mean of sub-group scores.",
    formula: '% promoters (9–10) − % detractors (0–6)',
    unit: 'score',
    scaleMin: -100,
    scaleMax: 100,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: ['revenue_per_rep'],
  },
  {
    key: 'csat',
    name: 'Customer satisfaction',
    abbreviation: 'CSAT',
    category: 'cx',
    definition:
      'Top-2-box satisfaction: the percentage of responses that are 4 or 5 on a 1–5 "How satisfied were you?" scale. ' +
      "This is the share of satisfied customers, not the mean score. A group's CSAT is computed from its pooled responses.",
    formula: 'responses scoring 4 or 5 ÷ all responses × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: ['aht', 'cost_to_serve'],
  },
  {
    key: 'ces',
    name: 'Customer Effort Score',
    abbreviation: 'CES',
    category: 'cx',
    definition:
      'Mean answer on a 1–7 effort scale where 1 = very easy and 7 = very difficult, so lower is better. If your survey ' +
      'words the scale the other way round (7 = very easy), reverse the answers (8 − answer) or set the direction to higher.',
    formula: 'sum of effort answers ÷ number of answers (1 = very easy … 7 = very difficult)',
    unit: 'score',
    scaleMin: 1,
    scaleMax: 7,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'fcr',
    name: 'First contact resolution',
    abbreviation: 'FCR',
    category: 'operational',
    definition: 'Share of customer issues resolved on the first contact, with no follow-up contact needed.',
    formula: 'issues resolved on first contact ÷ all issues × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'higher',
    timing: 'leading',
    tradeOffs: ['aht'],
  },
  {
    key: 'aht',
    name: 'Average handle time',
    abbreviation: 'AHT',
    category: 'operational',
    definition:
      'Mean time an agent spends on a contact: talk time plus hold time plus after-contact wrap-up. Lower is cheaper, ' +
      'but pushed alone it rushes customers off the phone and hurts CSAT and first contact resolution.',
    formula: '(talk + hold + wrap-up time) ÷ handled contacts',
    unit: 'seconds',
    scaleMin: 0,
    scaleMax: null,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: ['csat', 'fcr'],
  },
  {
    key: 'churn_rate',
    name: 'Churn rate',
    abbreviation: 'Churn',
    category: 'financial',
    definition:
      'Share of the customers at the start of the period who were lost during it. ' +
      'Example: 1,000 customers at the start, 50 lost → 5 %.',
    formula: 'customers lost in the period ÷ customers at the start of the period × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'lower',
    timing: 'lagging',
    tradeOffs: [],
  },
  {
    key: 'clv',
    name: 'Customer lifetime value',
    abbreviation: 'CLV',
    category: 'financial',
    definition:
      'Revenue a typical customer brings over the whole relationship (simple model, before costs). ' +
      'Example: $100 per purchase × 4 purchases a year × 5 years = $2,000.',
    formula: 'average purchase value × purchases per year × customer lifespan in years',
    unit: 'currency',
    scaleMin: 0,
    scaleMax: null,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: [],
  },
  {
    key: 'conversion_rate',
    name: 'Conversion rate',
    abbreviation: 'CVR',
    category: 'cx',
    definition: 'Share of visitors in the period who complete the desired action (purchase, sign-up, upgrade).',
    formula: 'desired actions ÷ visitors in the period × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'higher',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'aov',
    name: 'Average order value',
    abbreviation: 'AOV',
    category: 'financial',
    definition: 'Mean revenue per order in the period.',
    formula: 'revenue ÷ number of orders',
    unit: 'currency',
    scaleMin: 0,
    scaleMax: null,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: [],
  },
  {
    key: 'sla_compliance',
    name: 'SLA compliance',
    abbreviation: 'SLA',
    category: 'operational',
    definition: 'Share of tickets handled within the time the service-level agreement promises.',
    formula: 'tickets meeting the SLA ÷ all tickets × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'higher',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'sentiment',
    name: 'Social sentiment',
    abbreviation: 'Sentiment',
    category: 'cx',
    definition:
      'Net tone of public mentions of the brand (social media, reviews, forums): the percentage of positive mentions ' +
      'minus the percentage of negative ones.',
    formula: '% positive mentions − % negative mentions',
    unit: 'score',
    scaleMin: -100,
    scaleMax: 100,
    direction: 'higher',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'employee_engagement',
    name: 'Employee engagement',
    abbreviation: 'Engagement',
    category: 'operational',
    definition:
      'Share of employees answering 4 or 5 (favourable) on the 1–5 engagement items of the employee survey. ' +
      'Engaged front-line staff are an early signal of the experience customers will report.',
    formula: 'favourable answers (4–5) ÷ all answers × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'higher',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'app_rating',
    name: 'App store rating',
    abbreviation: 'App rating',
    category: 'cx',
    definition: 'Mean star rating given to the mobile app in the app stores during the period, on a 1–5 scale.',
    formula: 'sum of star ratings ÷ number of ratings in the period',
    unit: 'rating',
    scaleMin: 1,
    scaleMax: 5,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: [],
  },
  {
    key: 'app_dropoff',
    name: 'App drop-off rate',
    abbreviation: 'Drop-off',
    category: 'cx',
    definition:
      'Share of app journeys (sign-up, checkout, plan change) that are started but abandoned before the end.',
    formula: 'journeys started but not completed ÷ journeys started × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'repeat_contact_rate',
    name: 'Repeat contact rate',
    abbreviation: 'Repeat',
    category: 'operational',
    definition:
      'Share of contacts from a customer who already contacted about the same issue in the previous 7 days: ' +
      'the cost of not fixing it the first time.',
    formula: 'repeat contacts within 7 days ÷ all contacts × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'revenue',
    name: 'Revenue',
    abbreviation: 'Revenue',
    category: 'financial',
    definition: 'Total revenue recognised in the period.',
    formula: 'sum of revenue recognised in the period',
    unit: 'currency',
    scaleMin: 0,
    scaleMax: null,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: [],
  },
  {
    key: 'cost_to_serve',
    name: 'Cost to serve',
    abbreviation: 'CTS',
    category: 'financial',
    definition:
      'Mean service cost per active customer in the period (contact centre, field service, support systems). ' +
      'Cut alone, it removes the help customers value and hurts CSAT.',
    formula: 'total service cost in the period ÷ active customers',
    unit: 'currency',
    scaleMin: 0,
    scaleMax: null,
    direction: 'lower',
    timing: 'lagging',
    tradeOffs: ['csat'],
  },
  {
    key: 'qualified_leads',
    name: 'Qualified leads',
    abbreviation: 'Leads',
    category: 'operational',
    definition: 'Number of leads in the period that meet the agreed qualification criteria and are accepted by sales.',
    formula: 'count of leads accepted as qualified in the period',
    unit: 'count',
    scaleMin: 0,
    scaleMax: null,
    direction: 'higher',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'marketing_roi',
    name: 'Marketing ROI',
    abbreviation: 'MROI',
    category: 'financial',
    definition:
      'Return on marketing spend: revenue attributed to marketing, net of the spend, relative to the spend. ' +
      '0 % means the spend was just recovered; −100 % means nothing came back.',
    formula: '(revenue attributed to marketing − marketing spend) ÷ marketing spend × 100',
    unit: 'percent',
    scaleMin: -100,
    scaleMax: null,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: [],
  },
  {
    key: 'revenue_per_rep',
    name: 'Revenue per sales rep',
    abbreviation: 'Rev/rep',
    category: 'financial',
    definition:
      'Revenue closed in the period divided by the number of sales representatives (full-time equivalent). ' +
      'Pushed alone it rewards pushy selling that costs NPS.',
    formula: 'revenue closed in the period ÷ sales representatives (FTE)',
    unit: 'currency',
    scaleMin: 0,
    scaleMax: null,
    direction: 'higher',
    timing: 'lagging',
    tradeOffs: ['nps'],
  },
  {
    key: 'it_resolution_time',
    name: 'IT resolution time',
    abbreviation: 'MTTR',
    category: 'operational',
    definition: 'Mean time from an IT incident being reported to its resolution.',
    formula: 'sum of (resolved time − reported time) ÷ resolved incidents',
    unit: 'seconds',
    scaleMin: 0,
    scaleMax: null,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'page_load_time',
    name: 'Page load time',
    abbreviation: 'Load time',
    category: 'operational',
    definition:
      "Time until a page's main content is shown, at the 75th percentile of page views (3 in 4 views are at least this fast).",
    formula: '75th percentile of main-content load time over page views',
    unit: 'seconds',
    scaleMin: 0,
    scaleMax: null,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: [],
  },
  {
    key: 'error_page_rate',
    name: 'Error-page rate',
    abbreviation: 'Errors',
    category: 'operational',
    definition: 'Share of page views that end on an error page (HTTP 4xx/5xx or an application error screen).',
    formula: 'page views showing an error page ÷ all page views × 100',
    unit: 'percent',
    scaleMin: 0,
    scaleMax: 100,
    direction: 'lower',
    timing: 'leading',
    tradeOffs: [],
  },
];

const LIBRARY_BY_KEY: ReadonlyMap<string, MetricTemplate> = new Map(METRIC_LIBRARY.map((t) => [t.key, t]));

/** The library template with this key, or undefined. */
export function findTemplate(key: string): MetricTemplate | undefined {
  return LIBRARY_BY_KEY.get(key);
}

export function metricFromTemplate(template: MetricTemplate, id: Id = newId('metric')): Metric {
  return { ...template, tradeOffs: [...template.tradeOffs], id, custom: false };
}

/** A user's own metric; key, id and custom are supplied by customMetric. */
export interface CustomMetricFields {
  name: string;
  /** Defaults to the name. */
  abbreviation?: string;
  category: MetricCategory;
  definition?: string;
  formula?: string;
  unit: MetricUnit;
  scaleMin?: number | null;
  scaleMax?: number | null;
  direction: Direction;
  timing: Timing;
  tradeOffs?: string[];
}

/** Keys are identifiers, not titles: capped well below the plan file's key limit, leaving room for a suffix. */
export const SLUG_MAX_LENGTH = 60;

/** snake_case slug of a name ("First-time fix %" → "first_time_fix"); letters of any script are kept. */
export function slugify(name: string): string {
  const slug = [
    ...name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, ''),
  ]
    .slice(0, SLUG_MAX_LENGTH)
    .join('')
    .replace(/_+$/, '');
  return slug === '' ? 'metric' : slug;
}

/** `base`, or `base_2`, `base_3`… whichever is not taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

/**
 * A custom metric whose key is the slug of its name, unique among `takenKeys` (the plan's keys) and the library's
 * keys: library keys stay reserved because trade-offs name metrics by key, so a custom "AHT" must not pose as the
 * library one. Throws PlanEditError on invalid fields.
 */
export function customMetric(
  fields: CustomMetricFields,
  takenKeys: Iterable<string> = [],
  id: Id = newId('metric'),
): Metric {
  const name = requiredText('name', fields.name);
  const taken = new Set([...takenKeys, ...LIBRARY_BY_KEY.keys()]);
  const key = uniqueKey(slugify(name), taken);
  return checkedMetric({
    id,
    key,
    name,
    abbreviation: fields.abbreviation === undefined || fields.abbreviation.trim() === '' ? name : fields.abbreviation,
    category: fields.category,
    definition: fields.definition ?? '',
    formula: fields.formula ?? '',
    unit: fields.unit,
    scaleMin: fields.scaleMin ?? null,
    scaleMax: fields.scaleMax ?? null,
    direction: fields.direction,
    timing: fields.timing,
    tradeOffs: fields.tradeOffs ?? [],
    custom: true,
  });
}

/**
 * A metric with trimmed texts, checked enums and scale, and a clean trade-off list (trimmed, deduplicated,
 * never naming itself). Throws PlanEditError naming the first invalid field.
 */
export function checkedMetric(metric: Metric): Metric {
  const scaleMin = metric.scaleMin === null ? null : checkedNumber('scaleMin', metric.scaleMin);
  const scaleMax = metric.scaleMax === null ? null : checkedNumber('scaleMax', metric.scaleMax);
  if (scaleMin !== null && scaleMax !== null && scaleMin >= scaleMax) {
    throw new PlanEditError('scaleMax', `must be greater than scaleMin (${scaleMin}), got ${scaleMax}.`);
  }
  if (!Array.isArray(metric.tradeOffs)) throw new PlanEditError('tradeOffs', 'must be a list of metric keys.');
  const tradeOffs = [...new Set(metric.tradeOffs.map((k) => optionalText('tradeOffs', k)))].filter(
    (k) => k !== '' && k !== metric.key,
  );
  return {
    id: metric.id,
    key: requiredText('key', metric.key),
    name: requiredText('name', metric.name),
    abbreviation: requiredText('abbreviation', metric.abbreviation),
    category: oneOf('category', metric.category, METRIC_CATEGORIES),
    definition: optionalText('definition', metric.definition),
    formula: optionalText('formula', metric.formula),
    unit: oneOf('unit', metric.unit, METRIC_UNITS),
    scaleMin,
    scaleMax,
    direction: oneOf('direction', metric.direction, DIRECTIONS),
    timing: oneOf('timing', metric.timing, TIMINGS),
    tradeOffs,
    custom: metric.custom,
  };
}
