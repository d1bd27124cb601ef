// Starting assumptions for the library's metrics (reach, driver and conflict links, NPS value): placeholders a workshop replaces.

/**
 * Change of each library metric, in its own units and in the direction of improvement, when the department that
 * owns it puts all of its effort on it (steady state). Contributors reach half of it, other departments a quarter.
 * Currency amounts are sized for the default business figures (400,000 customers).
 */
export const OWNER_FULL_EFFORT_CHANGE: Readonly<Record<string, number>> = {
  revenue: 250_000,
  nps: 5,
  csat: 4,
  ces: -0.3,
  fcr: 5,
  aht: -30,
  churn_rate: -0.05,
  conversion_rate: 0.5,
  aov: 4,
  clv: 30,
  repeat_contact_rate: -2,
  sla_compliance: 5,
  sentiment: 5,
  app_rating: 0.3,
  app_dropoff: -3,
  qualified_leads: 300,
  marketing_roi: 10,
  revenue_per_rep: 2_000,
  it_resolution_time: -3_600,
  page_load_time: -0.5,
  error_page_rate: -1,
  employee_engagement: 5,
  cost_to_serve: -0.5,
};

export const ROLE_REACH_FACTOR = { owner: 1, contributor: 0.5, none: 0.25 } as const;

export interface LinkDefault {
  from: string;
  to: string;
  /** Change of `to` per unit of `from`. */
  perUnit: number;
  note: string;
}

/**
 * How library metrics move each other. Conflicts first (the trade-offs the metric library names: pushed alone,
 * the first metric hurts the second), then drivers that carry operational measures through to valued ones.
 */
export const LINK_DEFAULTS: readonly LinkDefault[] = [
  { from: 'aht', to: 'csat', perUnit: 0.04, note: 'Conflict: 10 s off handle time costs 0.4 CSAT points (rushed callers).' },
  { from: 'aht', to: 'fcr', perUnit: 0.05, note: 'Conflict: 10 s off handle time costs 0.5 pp first contact resolution.' },
  { from: 'revenue_per_rep', to: 'nps', perUnit: -0.0005, note: 'Conflict: +2,000 revenue per rep from pushy selling costs 1 NPS point.' },
  { from: 'cost_to_serve', to: 'csat', perUnit: 2, note: 'Conflict: cutting 1 of service cost per customer costs 2 CSAT points.' },
  { from: 'csat', to: 'nps', perUnit: 0.3, note: 'Driver: satisfied customers recommend: +1 CSAT point → +0.3 NPS.' },
  { from: 'fcr', to: 'csat', perUnit: 0.2, note: 'Driver: +1 pp first contact resolution → +0.2 CSAT points.' },
  { from: 'ces', to: 'churn_rate', perUnit: 0.1, note: 'Driver: +1 effort point → +0.1 pp monthly churn (effort leads churn).' },
  { from: 'sla_compliance', to: 'csat', perUnit: 0.1, note: 'Driver: +1 pp SLA compliance → +0.1 CSAT points.' },
  { from: 'sentiment', to: 'nps', perUnit: 0.2, note: 'Driver: +1 sentiment point → +0.2 NPS.' },
  { from: 'app_rating', to: 'nps', perUnit: 3, note: 'Driver: +1 star app rating → +3 NPS.' },
  { from: 'app_rating', to: 'conversion_rate', perUnit: 0.5, note: 'Driver: +1 star app rating → +0.5 pp conversion.' },
  { from: 'app_dropoff', to: 'repeat_contact_rate', perUnit: 0.2, note: 'Driver: +1 pp app drop-off → +0.2 pp repeat contacts.' },
  { from: 'app_dropoff', to: 'ces', perUnit: 0.02, note: 'Driver: +1 pp app drop-off → +0.02 effort.' },
  { from: 'qualified_leads', to: 'revenue', perUnit: 150, note: 'Driver: each qualified lead brings 150 of monthly revenue.' },
  { from: 'marketing_roi', to: 'revenue', perUnit: 3_000, note: 'Driver: +1 pp marketing ROI → +3,000 monthly revenue.' },
  { from: 'revenue_per_rep', to: 'revenue', perUnit: 120, note: 'Driver: 120 sales reps: +1 revenue per rep → +120 revenue.' },
  { from: 'it_resolution_time', to: 'aht', perUnit: 0.001, note: 'Driver: an hour off IT resolution time → 3.6 s off handle time.' },
  { from: 'page_load_time', to: 'conversion_rate', perUnit: -0.6, note: 'Driver: a second off page load → +0.6 pp conversion.' },
  { from: 'error_page_rate', to: 'conversion_rate', perUnit: -0.3, note: 'Driver: +1 pp error pages → −0.3 pp conversion.' },
  { from: 'error_page_rate', to: 'repeat_contact_rate', perUnit: 0.2, note: 'Driver: +1 pp error pages → +0.2 pp repeat contacts.' },
  { from: 'employee_engagement', to: 'csat', perUnit: 0.3, note: 'Driver: +1 pp engaged staff → +0.3 CSAT points.' },
];

/** NPS has no formula route: until the correlation test gives its slope, a placeholder per point per month. */
export const NPS_VALUE_PLACEHOLDER = { base: 25_000, low: 5_000, high: 45_000, lagMonths: 3 } as const;
