// Agreements: compliance per period, breaches and runs, and the usual XLA and SLA templates.

import { describe, expect, it } from 'vitest';
import { monthly } from './historyForTests';
import type { Xla } from './stored';
import { compliance, meetsAgreement, XLA_TEMPLATES, xlaFromTemplate } from './xla';
import { libraryMetric } from './targetForTests';
import { validateXla } from './validate';

const appRating: Xla = { id: 'x1', name: 'App rating', metricId: 'metric_app', comparator: '>=', threshold: 4.5, unit: 'rating', kind: 'xla' };

describe('meetsAgreement', () => {
  it('counts the threshold itself as met', () => {
    expect(meetsAgreement(appRating, 4.5)).toBe(true);
    expect(meetsAgreement(appRating, 4.49)).toBe(false);
    expect(meetsAgreement({ comparator: '<=', threshold: 0.5 }, 0.5)).toBe(true);
    expect(meetsAgreement({ comparator: '<=', threshold: 0.5 }, 0.51)).toBe(false);
  });
});

describe('compliance', () => {
  it('reports compliance, breaches and runs, a missing month counting as neither', () => {
    const result = compliance(appRating, monthly('2025-01', [4.6, 4.4, 4.3, NaN, 4.5, 4.7]));
    expect(result.measured).toBe(5);
    expect(result.met).toBe(3);
    expect(result.rate).toBe(0.6);
    expect(result.breaches.map((b) => [b.period, b.value])).toEqual([['2025-02-01', 4.4], ['2025-03-01', 4.3]]);
    expect(result.breaches[1]?.shortfall).toBeCloseTo(0.2, 12);
    expect(result.longestBreachRun).toBe(2);
    expect(result.currentRun).toEqual({ met: true, periods: 2 });
    expect(result.periods[3]).toEqual({ period: '2025-04-01', value: null, met: null });
  });

  it('judges a lower-is-better agreement and an empty history', () => {
    const errors: Xla = { ...appRating, name: 'Error-page rate', comparator: '<=', threshold: 0.5, unit: 'percent' };
    const result = compliance(errors, monthly('2025-01', [0.4, 0.6, 0.7, 0.5]));
    expect([result.met, result.rate, result.currentRun]).toEqual([2, 0.5, { met: true, periods: 1 }]);
    const empty = compliance(errors, monthly('2025-01', [NaN]));
    expect([empty.rate, empty.currentRun, empty.longestBreachRun]).toEqual([null, null, 0]);
  });
});

describe('XLA_TEMPLATES', () => {
  it('holds the issue\'s four XLAs next to SLA measures, each valid on its library metric', () => {
    const rule = (key: string): string | undefined => {
      const t = XLA_TEMPLATES.find((x) => x.metricKey === key);
      return t && `${t.kind} ${t.comparator} ${t.threshold}`;
    };
    expect(rule('app_rating')).toBe('xla >= 4.5');
    expect(rule('csat')).toBe('xla >= 80');
    expect(rule('conversion_rate')).toBe('xla >= 3');
    expect(rule('error_page_rate')).toBe('xla <= 0.5');
    expect(XLA_TEMPLATES.filter((t) => t.kind === 'sla').length).toBeGreaterThan(0);
    for (const template of XLA_TEMPLATES) {
      const metric = libraryMetric(template.metricKey);
      expect(template.unit).toBe(metric.unit);
      expect(validateXla(xlaFromTemplate(template, 'x', 'm'), metric)).toEqual([]);
    }
  });
});
