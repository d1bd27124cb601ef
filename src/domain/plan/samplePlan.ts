// A complete, realistic example plan (Northwind Telecom) for demos and workshops, with fixed ids.
import type {
  Department,
  DepartmentRole,
  Goal,
  GoalMetricLink,
  Guardrail,
  MeasureKind,
  Metric,
  MetricDepartmentLink,
  Plan,
  ScorecardEntry,
} from './types';
import { findTemplate, metricFromTemplate } from './metricLibrary';

export const SAMPLE_PLAN_ID = 'sample-plan-northwind';

const metricId = (key: string): string => `sample-metric-${key}`;

const METRIC_KEYS = [
  'revenue',
  'churn_rate',
  'cost_to_serve',
  'nps',
  'csat',
  'ces',
  'sentiment',
  'conversion_rate',
  'app_rating',
  'app_dropoff',
  'aov',
  'clv',
  'fcr',
  'aht',
  'repeat_contact_rate',
  'sla_compliance',
  'qualified_leads',
  'marketing_roi',
  'revenue_per_rep',
  'it_resolution_time',
  'page_load_time',
  'error_page_rate',
  'employee_engagement',
] as const;

type DeptName = 'marketing' | 'sales' | 'digital' | 'it' | 'contact-centre' | 'cx';
const deptId = (name: DeptName): string => `sample-dept-${name}`;

const DEPARTMENTS: Department[] = [
  { id: deptId('marketing'), name: 'Marketing', headcount: 42, surveyResponsesPerMonth: 380 },
  { id: deptId('sales'), name: 'Sales', headcount: 120, surveyResponsesPerMonth: 650 },
  { id: deptId('digital'), name: 'Product & Digital', headcount: 85, surveyResponsesPerMonth: 1800 },
  { id: deptId('it'), name: 'IT', headcount: 60, surveyResponsesPerMonth: 420 },
  { id: deptId('contact-centre'), name: 'Contact Centre', headcount: 340, surveyResponsesPerMonth: 2400 },
  { id: deptId('cx'), name: 'Customer Experience', headcount: 18, surveyResponsesPerMonth: 3000 },
];

const GOALS: Goal[] = [
  {
    id: 'sample-goal-revenue',
    name: 'Grow revenue',
    description:
      'Grow service revenue 6 % a year by converting more of the people who visit a shop or the website, ' +
      'and by selling bundles that fit what they need.',
    kpiMetricId: metricId('revenue'),
    owner: 'Chief Commercial Officer',
  },
  {
    id: 'sample-goal-retention',
    name: 'Retain customers',
    description:
      'Cut monthly churn from 1.6 % to 1.3 % within 12 months by fixing what makes customers leave: ' +
      'billing surprises, repeat calls and unresolved network complaints.',
    kpiMetricId: metricId('churn_rate'),
    owner: 'Chief Customer Officer',
  },
  {
    id: 'sample-goal-brand',
    name: 'Protect the brand',
    description:
      'Be the telecom people recommend: raise NPS from 18 to 25 within 12 months and keep public sentiment ' +
      'positive through outages and price changes.',
    kpiMetricId: metricId('nps'),
    owner: 'Chief Marketing Officer',
  },
  {
    id: 'sample-goal-efficiency',
    name: 'Serve efficiently',
    description:
      'Lower the cost to serve each customer by 8 % by resolving issues at the first contact ' +
      'and moving simple tasks to the app, without making service worse.',
    kpiMetricId: metricId('cost_to_serve'),
    owner: 'Chief Operating Officer',
  },
];

const GOAL_METRICS: [goal: string, key: string, weight: number, rationale: string][] = [
  ['revenue', 'conversion_rate', 5, 'More of the shoppers who reach the website or a shop leave with a contract.'],
  ['revenue', 'aov', 4, 'Customers choosing bigger bundles (mobile + broadband + TV) lift revenue per order.'],
  ['revenue', 'clv', 4, 'Growth that lasts comes from customers who stay and upgrade.'],
  ['revenue', 'ces', 3, 'An easy sign-up and upgrade path removes friction at the moment of purchase.'],
  ['revenue', 'qualified_leads', 3, 'Sales can only close what marketing brings in qualified.'],
  ['revenue', 'revenue_per_rep', 3, 'Shows whether the sales team turns its time into revenue.'],
  ['revenue', 'nps', 2, 'Promoters bring referrals, but their effect on revenue takes months to show.'],
  ['retention', 'nps', 5, 'Detractors are the customers most likely to leave when their contract ends.'],
  ['retention', 'csat', 4, 'Satisfaction after each contact shows where service lets customers down.'],
  ['retention', 'ces', 4, 'High-effort service is a leading cause of churn: effort rises a month before customers leave.'],
  ['retention', 'clv', 3, 'Longer customer lifetimes are what retention is worth in money.'],
  ['retention', 'fcr', 3, 'Issues fixed at the first contact stop the frustration that builds into cancellation.'],
  ['retention', 'repeat_contact_rate', 3, 'Customers calling again about the same issue are at risk of leaving.'],
  ['retention', 'app_rating', 2, 'App reviews reveal self-service pain before it turns into cancellations.'],
  ['retention', 'employee_engagement', 2, 'Engaged front-line staff give the service that keeps customers.'],
  ['brand', 'nps', 5, "Willingness to recommend is the brand's reputation as customers carry it."],
  ['brand', 'sentiment', 5, 'Public mentions show how the brand is talked about and warn early during outages.'],
  ['brand', 'app_rating', 3, 'Store ratings are the first impression many prospects see.'],
  ['brand', 'csat', 2, 'Every service contact either confirms or undermines what the brand promises.'],
  ['efficiency', 'fcr', 5, 'Every issue fixed at the first contact removes a second, costly contact.'],
  ['efficiency', 'repeat_contact_rate', 4, 'Repeat contacts are pure cost caused by unresolved issues.'],
  ['efficiency', 'sla_compliance', 4, 'Tickets handled within the SLA avoid escalations and chasing calls.'],
  ['efficiency', 'aht', 3, 'Shorter handling lowers the cost per contact, but only with guardrails on CSAT and FCR.'],
  ['efficiency', 'app_dropoff', 3, 'Customers who abandon a task in the app end up calling instead.'],
  ['efficiency', 'it_resolution_time', 3, 'Slow fixes to internal systems stall agents and field staff.'],
  ['efficiency', 'page_load_time', 2, 'Slow pages push customers from self-service to the phone.'],
  ['efficiency', 'error_page_rate', 2, 'Every error page in a self-service journey risks a call to the contact centre.'],
];

/** Metric key → the department that owns it, then those that contribute. */
const OWNERSHIP: [key: string, owner: DeptName, contributors: DeptName[]][] = [
  ['revenue', 'sales', ['marketing', 'digital']],
  ['churn_rate', 'cx', ['contact-centre', 'sales']],
  ['cost_to_serve', 'contact-centre', ['digital', 'it']],
  ['nps', 'cx', ['contact-centre', 'digital', 'sales', 'marketing']],
  ['csat', 'contact-centre', ['cx']],
  ['ces', 'cx', ['digital', 'contact-centre']],
  ['sentiment', 'marketing', ['cx']],
  ['conversion_rate', 'digital', ['marketing', 'it']],
  ['app_rating', 'digital', ['it']],
  ['app_dropoff', 'digital', ['it']],
  ['aov', 'sales', ['digital']],
  ['clv', 'marketing', ['sales', 'cx']],
  ['fcr', 'contact-centre', ['it']],
  ['aht', 'contact-centre', ['it']],
  ['repeat_contact_rate', 'contact-centre', ['digital']],
  ['sla_compliance', 'it', ['contact-centre']],
  ['qualified_leads', 'marketing', ['sales']],
  ['marketing_roi', 'marketing', []],
  ['revenue_per_rep', 'sales', []],
  ['it_resolution_time', 'it', []],
  ['page_load_time', 'it', ['digital']],
  ['error_page_rate', 'it', ['digital']],
  ['employee_engagement', 'cx', ['contact-centre']],
];

/*
 * Every scorecard shares revenue growth and NPS as collective measures and sums to 100.
 * Deliberate, instructive gap: Sales is scored on revenue per rep and NPS, a known trade-off (pushy selling), with
 * no guardrail, so coverageWarnings reports exactly one 'trade-off-without-guardrail' for Sales. It lets a
 * workshop see the warning and fix it live; the Contact Centre shows the fixed pattern (AHT guarded by CSAT and FCR).
 */
const SCORECARDS: Record<DeptName, [key: string, kind: MeasureKind, weight: number][]> = {
  marketing: [
    ['revenue', 'collective', 20],
    ['nps', 'collective', 20],
    ['qualified_leads', 'individual', 25],
    ['marketing_roi', 'individual', 20],
    ['sentiment', 'individual', 15],
  ],
  sales: [
    ['revenue', 'collective', 25],
    ['nps', 'collective', 15],
    ['revenue_per_rep', 'individual', 25],
    ['conversion_rate', 'individual', 20],
    ['aov', 'individual', 15],
  ],
  digital: [
    ['revenue', 'collective', 15],
    ['nps', 'collective', 20],
    ['conversion_rate', 'individual', 20],
    ['app_rating', 'individual', 15],
    ['app_dropoff', 'individual', 15],
    ['ces', 'individual', 15],
  ],
  it: [
    ['revenue', 'collective', 10],
    ['nps', 'collective', 15],
    ['it_resolution_time', 'individual', 20],
    ['sla_compliance', 'individual', 20],
    ['page_load_time', 'individual', 15],
    ['error_page_rate', 'individual', 10],
    ['app_rating', 'individual', 10],
  ],
  'contact-centre': [
    ['revenue', 'collective', 10],
    ['nps', 'collective', 20],
    ['fcr', 'individual', 20],
    ['csat', 'individual', 20],
    ['aht', 'individual', 15],
    ['repeat_contact_rate', 'individual', 15],
  ],
  cx: [
    ['revenue', 'collective', 15],
    ['nps', 'collective', 25],
    ['churn_rate', 'individual', 20],
    ['ces', 'individual', 15],
    ['clv', 'individual', 15],
    ['employee_engagement', 'individual', 10],
  ],
};

const GUARDRAILS: Guardrail[] = [
  {
    id: 'sample-guardrail-cc-aht-csat',
    metricId: metricId('aht'),
    guardMetricId: metricId('csat'),
    departmentId: deptId('contact-centre'),
    note: 'AHT targets only count while CSAT holds at or above its baseline: no rushing callers off the phone.',
  },
  {
    id: 'sample-guardrail-cc-aht-fcr',
    metricId: metricId('aht'),
    guardMetricId: metricId('fcr'),
    departmentId: deptId('contact-centre'),
    note: 'A shorter call that needs a second call is not a saving: FCR must not fall while AHT comes down.',
  },
];

function libraryMetric(key: string): Metric {
  const template = findTemplate(key);
  if (template === undefined) throw new Error(`The sample plan uses "${key}", which is not in the metric library.`);
  return metricFromTemplate(template, metricId(key));
}

/** Northwind Telecom: six departments, four goals with KPIs, a full alignment map and balanced scorecards. */
export function createSamplePlan(now: Date): Plan {
  const stamp = now.toISOString();
  const goalMetrics: GoalMetricLink[] = GOAL_METRICS.map(([goal, key, weight, rationale]) => ({
    goalId: `sample-goal-${goal}`,
    metricId: metricId(key),
    weight,
    rationale,
  }));
  const link = (key: string, dept: DeptName, role: DepartmentRole): MetricDepartmentLink => ({
    metricId: metricId(key),
    departmentId: deptId(dept),
    role,
  });
  const metricDepartments = OWNERSHIP.flatMap(([key, owner, contributors]) => [
    link(key, owner, 'owner'),
    ...contributors.map((c) => link(key, c, 'contributor')),
  ]);
  const scorecard: ScorecardEntry[] = (Object.keys(SCORECARDS) as DeptName[]).flatMap((dept) =>
    SCORECARDS[dept].map(([key, kind, weight]) => ({
      departmentId: deptId(dept),
      metricId: metricId(key),
      kind,
      weight,
    })),
  );
  return {
    id: SAMPLE_PLAN_ID,
    name: 'Northwind Telecom: CX alignment (sample)',
    description:
      'A sample plan for a mid-sized telecom operator (mobile, broadband, TV). It maps four business goals to the CX ' +
      'metrics that measure them, names the departments that own each metric, and gives every department a ' +
      'scorecard that balances shared measures (revenue growth, NPS) with its own.',
    createdAt: stamp,
    updatedAt: stamp,
    goals: GOALS.map((g) => ({ ...g })),
    metrics: METRIC_KEYS.map(libraryMetric),
    departments: DEPARTMENTS.map((d) => ({ ...d })),
    goalMetrics,
    metricDepartments,
    scorecard,
    guardrails: GUARDRAILS.map((g) => ({ ...g })),
    // The sample's generated revenue is in euros.
    settings: { currency: 'EUR' },
    findings: [],
    conflictDismissals: [],
    model: null,
    targets: [],
    xlas: [],
  };
}
