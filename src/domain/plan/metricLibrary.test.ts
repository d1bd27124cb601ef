// Tests for the metric library: exact definitions, symmetric trade-offs, and the metric factories.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  METRIC_LIBRARY,
  SLUG_MAX_LENGTH,
  customMetric,
  findTemplate,
  metricFromTemplate,
  slugify,
  uniqueKey,
} from './metricLibrary';
import { PlanEditError } from './validation';

function template(key: string) {
  const t = findTemplate(key);
  if (t === undefined) throw new Error(`missing ${key}`);
  return t;
}

describe('METRIC_LIBRARY', () => {
  it('holds every standard metric once, under a snake_case key', () => {
    const keys = METRIC_LIBRARY.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(keys).toEqual(
      expect.arrayContaining([
        'nps', 'csat', 'ces', 'fcr', 'aht', 'churn_rate', 'clv', 'conversion_rate', 'aov', 'sla_compliance',
        'sentiment', 'employee_engagement', 'app_rating', 'app_dropoff', 'repeat_contact_rate', 'revenue',
        'cost_to_serve', 'qualified_leads', 'marketing_roi', 'revenue_per_rep', 'it_resolution_time',
        'page_load_time', 'error_page_rate',
      ]),
    );
  });

  it('defines NPS as promoters (9–10) minus detractors (0–6) on −100..100, higher better', () => {
    const nps = template('nps');
    expect(nps).toMatchObject({ unit: 'score', scaleMin: -100, scaleMax: 100, direction: 'higher', category: 'cx' });
    expect(nps.formula).toBe('% promoters (9–10) − % detractors (0–6)');
    expect(nps.definition).toContain('pooled responses');
  });

  it('says CSAT is the top-2-box share (4 or 5 of 1–5), not the mean', () => {
    const csat = template('csat');
    expect(csat).toMatchObject({ unit: 'percent', scaleMin: 0, scaleMax: 100, direction: 'higher' });
    expect(csat.definition).toMatch(/top-2-box/i);
    expect(csat.definition).toContain('not the mean');
    expect(csat.formula).toContain('4 or 5');
  });

  it('makes the CES scale direction explicit: 1..7 with 1 = very easy, lower is better', () => {
    const ces = template('ces');
    expect(ces).toMatchObject({ scaleMin: 1, scaleMax: 7, direction: 'lower' });
    expect(ces.definition).toContain('1 = very easy');
  });

  it('measures AHT in seconds (talk + hold + wrap-up), lower better and open-ended', () => {
    expect(template('aht')).toMatchObject({ unit: 'seconds', scaleMin: 0, scaleMax: null, direction: 'lower' });
    expect(template('aht').formula).toContain('talk + hold + wrap-up');
  });

  it('gives churn, CLV, conversion, AOV, FCR and SLA compliance their textbook formulas', () => {
    expect(template('churn_rate').formula).toBe('customers lost in the period ÷ customers at the start of the period × 100');
    expect(template('churn_rate').definition).toContain('1,000 customers at the start, 50 lost → 5 %');
    expect(template('clv').formula).toBe('average purchase value × purchases per year × customer lifespan in years');
    expect(template('clv').definition).toContain('$100 per purchase × 4 purchases a year × 5 years = $2,000');
    expect(template('conversion_rate').formula).toBe('desired actions ÷ visitors in the period × 100');
    expect(template('aov').formula).toBe('revenue ÷ number of orders');
    expect(template('fcr').formula).toBe('issues resolved on first contact ÷ all issues × 100');
    expect(template('sla_compliance').formula).toBe('tickets meeting the SLA ÷ all tickets × 100');
    expect(template('app_rating')).toMatchObject({ unit: 'rating', scaleMin: 1, scaleMax: 5 });
  });

  it('marks lower-is-better metrics as such', () => {
    const lower = METRIC_LIBRARY.filter((t) => t.direction === 'lower').map((t) => t.key).sort();
    expect(lower).toEqual([
      'aht', 'app_dropoff', 'ces', 'churn_rate', 'cost_to_serve', 'error_page_rate', 'it_resolution_time',
      'page_load_time', 'repeat_contact_rate',
    ]);
  });

  it('classes the indicators named in the brief as leading or lagging', () => {
    const timing = (key: string) => template(key).timing;
    expect(['nps', 'csat', 'churn_rate', 'revenue', 'clv'].map(timing)).toEqual(Array(5).fill('lagging'));
    expect(['ces', 'sentiment', 'fcr', 'aht', 'app_dropoff', 'employee_engagement'].map(timing)).toEqual(
      Array(6).fill('leading'),
    );
  });

  it('lists the known trade-offs on both sides, and only keys that exist', () => {
    const pairs = METRIC_LIBRARY.flatMap((t) => t.tradeOffs.map((other) => [t.key, other].sort().join(' ↔ ')));
    expect([...new Set(pairs)].sort()).toEqual([
      'aht ↔ csat',
      'aht ↔ fcr',
      'cost_to_serve ↔ csat',
      'nps ↔ revenue_per_rep',
    ]);
    for (const t of METRIC_LIBRARY) {
      for (const other of t.tradeOffs) expect(template(other).tradeOffs).toContain(t.key);
    }
  });

  it('has consistent scales: bounds ordered, shares on 0..100 unless they can go negative', () => {
    for (const t of METRIC_LIBRARY) {
      if (t.scaleMin !== null && t.scaleMax !== null) expect(t.scaleMin).toBeLessThan(t.scaleMax);
      expect(t.definition.length).toBeGreaterThan(20);
      expect(t.formula).not.toBe('');
    }
    expect(template('marketing_roi')).toMatchObject({ unit: 'percent', scaleMin: -100, scaleMax: null });
  });
});

describe('metricFromTemplate', () => {
  it('copies the template with the given id, not custom, and an independent trade-off list', () => {
    const aht = metricFromTemplate(template('aht'), 'm-1');
    expect(aht).toMatchObject({ id: 'm-1', key: 'aht', custom: false, tradeOffs: ['csat', 'fcr'] });
    aht.tradeOffs.push('nps');
    expect(template('aht').tradeOffs).toEqual(['csat', 'fcr']);
  });
});

describe('slugify and uniqueKey', () => {
  it('turns names into snake_case keys, keeping letters of any script', () => {
    expect(slugify('First-time fix %')).toBe('first_time_fix');
    expect(slugify('  Délai de réponse ')).toBe('delai_de_reponse');
    expect(slugify('顧客満足')).toBe('顧客満足');
    expect(slugify('%%%')).toBe('metric');
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('always yields a non-empty key of lowercase letters, digits and single inner underscores', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (name) => {
        const slug = slugify(name);
        expect(slug).not.toBe('');
        expect(slug).not.toMatch(/^_|_$|__/);
        expect(slug).toBe(slug.toLowerCase());
        expect([...slug].length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      }),
    );
  });

  it('suffixes _2, _3… until the key is free', () => {
    expect(uniqueKey('nps', new Set(['csat']))).toBe('nps');
    expect(uniqueKey('nps', new Set(['nps', 'nps_2']))).toBe('nps_3');
  });
});

describe('customMetric', () => {
  const fields = {
    name: 'Billing accuracy',
    category: 'operational',
    unit: 'percent',
    direction: 'higher',
    timing: 'leading',
  } as const;

  it('builds a custom metric keyed by the slug of its name, abbreviation defaulting to the name', () => {
    expect(customMetric(fields, [], 'm-b')).toEqual({
      id: 'm-b',
      key: 'billing_accuracy',
      name: 'Billing accuracy',
      abbreviation: 'Billing accuracy',
      category: 'operational',
      definition: '',
      formula: '',
      unit: 'percent',
      scaleMin: null,
      scaleMax: null,
      direction: 'higher',
      timing: 'leading',
      tradeOffs: [],
      custom: true,
    });
  });

  it('keeps its key unique within the plan and clear of library keys', () => {
    expect(customMetric(fields, ['billing_accuracy']).key).toBe('billing_accuracy_2');
    expect(customMetric({ ...fields, name: 'AHT' }).key).toBe('aht_2');
  });

  it('cleans the trade-off list: trimmed, deduplicated, never itself', () => {
    const m = customMetric({ ...fields, tradeOffs: [' csat', 'csat', 'billing_accuracy', ''] });
    expect(m.tradeOffs).toEqual(['csat']);
  });

  it('refuses a blank name, an unknown unit and an inverted scale, naming the field', () => {
    expect(() => customMetric({ ...fields, name: ' ' })).toThrow(PlanEditError);
    expect(() => customMetric({ ...fields, unit: 'furlongs' as 'count' })).toThrow('unit: must be one of');
    expect(() => customMetric({ ...fields, scaleMin: 5, scaleMax: 1 })).toThrow('scaleMax: must be greater than');
  });
});
