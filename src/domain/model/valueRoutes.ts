// Value routes: what a one-unit change of a well-known metric is worth per month, from the company's own figures.
import type { BusinessFigures, ValueCategory } from './stored';

export type ValueRoute = 'revenue' | 'conversion' | 'aov' | 'clv' | 'fcr' | 'repeat-contacts' | 'aht' | 'cost-to-serve' | 'churn';

export interface RouteValue {
  route: ValueRoute;
  category: ValueCategory;
  /** Currency per month per unit of the metric (signed). */
  valuePerUnitPerMonth: number;
  /** The arithmetic in words, for the model's note. */
  note: string;
}

/** The route of each library metric key that has one. */
export const ROUTE_OF_METRIC_KEY: Readonly<Record<string, ValueRoute>> = {
  revenue: 'revenue',
  conversion_rate: 'conversion',
  aov: 'aov',
  clv: 'clv',
  fcr: 'fcr',
  repeat_contact_rate: 'repeat-contacts',
  aht: 'aht',
  cost_to_serve: 'cost-to-serve',
  churn_rate: 'churn',
};

/** 150000 → "150,000", 0.5 → "0.5": the same on every locale, for notes stored in the plan. */
function count(amount: number): string {
  const [whole = '0', fraction] = String(Number(amount.toFixed(2))).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function money(currency: string, amount: number): string {
  return `${count(amount)} ${currency}`;
}

/**
 * Revenue routes count the gross margin of extra revenue; cost routes count the cost avoided; retention counts each
 * kept customer's lifetime value at margin. Percent metrics move in percentage points (1 pp = 1 % of the base).
 */
export function routeValue(route: ValueRoute, f: BusinessFigures, currency: string): RouteValue {
  const margin = f.grossMarginPct / 100;
  const c = currency;
  const marginText = `${count(f.grossMarginPct)} % margin`;
  switch (route) {
    case 'revenue':
      return { route, category: 'revenue', valuePerUnitPerMonth: margin, note: `each 1 ${c} of monthly revenue × ${marginText}` };
    case 'conversion':
      return {
        route,
        category: 'revenue',
        valuePerUnitPerMonth: f.visitorsPerMonth * 0.01 * f.averageOrderValue * margin,
        note: `+1 pp conversion: ${count(f.visitorsPerMonth)} visitors × 1 % × ${money(c, f.averageOrderValue)} AOV × ${marginText}`,
      };
    case 'aov':
      return {
        route,
        category: 'revenue',
        valuePerUnitPerMonth: f.ordersPerMonth * margin,
        note: `+1 ${c} AOV: ${count(f.ordersPerMonth)} orders × 1 ${c} × ${marginText}`,
      };
    case 'clv':
      return {
        route,
        category: 'revenue',
        valuePerUnitPerMonth: f.newCustomersPerMonth * margin,
        note: `+1 ${c} CLV: ${count(f.newCustomersPerMonth)} new customers × 1 ${c} × ${marginText}`,
      };
    case 'fcr':
      return {
        route,
        category: 'cost',
        valuePerUnitPerMonth: f.contactsPerMonth * 0.01 * f.costPerContact,
        note: `+1 pp FCR: ${count(f.contactsPerMonth)} contacts × 1 % repeat contacts avoided × ${money(c, f.costPerContact)}`,
      };
    case 'repeat-contacts':
      return {
        route,
        category: 'cost',
        valuePerUnitPerMonth: -f.contactsPerMonth * 0.01 * f.costPerContact,
        note: `+1 pp repeat contacts: ${count(f.contactsPerMonth)} contacts × 1 % × ${money(c, f.costPerContact)}, a cost`,
      };
    case 'aht':
      return {
        route,
        category: 'cost',
        valuePerUnitPerMonth: (-f.contactsPerMonth * f.costPerHandleHour) / 3600,
        note: `+1 s handle time: ${count(f.contactsPerMonth)} contacts × ${money(c, f.costPerHandleHour)} per agent hour ÷ 3,600, a cost`,
      };
    case 'cost-to-serve':
      return {
        route,
        category: 'cost',
        valuePerUnitPerMonth: -f.customers,
        note: `+1 ${c} cost to serve per customer: × ${count(f.customers)} customers, a cost`,
      };
    case 'churn':
      return {
        route,
        category: 'retention',
        valuePerUnitPerMonth: -f.customers * 0.01 * f.customerLifetimeValue * margin,
        note: `+1 pp monthly churn: ${count(f.customers)} customers × 1 % lost × ${money(c, f.customerLifetimeValue)} CLV × ${marginText}`,
      };
  }
}
