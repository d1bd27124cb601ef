// Tests for the value routes against hand arithmetic on the default business figures.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_FIGURES } from './defaults';
import { routeValue } from './valueRoutes';

const f = DEFAULT_BUSINESS_FIGURES;

describe('routeValue', () => {
  it('values conversion, AOV and CLV as margin on extra revenue', () => {
    // 250,000 visitors × 1 % × 120 × 40 %
    expect(routeValue('conversion', f, 'EUR').valuePerUnitPerMonth).toBeCloseTo(120_000, 9);
    expect(routeValue('aov', f, 'EUR').valuePerUnitPerMonth).toBeCloseTo(3_000, 9);
    expect(routeValue('clv', f, 'EUR').valuePerUnitPerMonth).toBeCloseTo(2_400, 9);
    expect(routeValue('revenue', f, 'EUR')).toMatchObject({ category: 'revenue', valuePerUnitPerMonth: 0.4 });
  });

  it('values FCR as repeat contacts avoided and handle time as agent cost', () => {
    expect(routeValue('fcr', f, 'EUR')).toMatchObject({ category: 'cost', valuePerUnitPerMonth: 9_000 });
    expect(routeValue('aht', f, 'EUR').valuePerUnitPerMonth).toBe(-1_500);
    expect(routeValue('repeat-contacts', f, 'EUR').valuePerUnitPerMonth).toBe(-9_000);
  });

  it('values churn as customers lost × CLV × margin', () => {
    const churn = routeValue('churn', f, 'EUR');
    expect(churn.category).toBe('retention');
    expect(churn.valuePerUnitPerMonth).toBeCloseTo(-400_000 * 0.01 * 1_400 * 0.4, 6);
    expect(churn.note).toBe('+1 pp monthly churn: 400,000 customers × 1 % lost × 1,400 EUR CLV × 40 % margin');
  });
});
