// Cash-flow arithmetic of an initiative: discounting, NPV, ROI and payback over monthly flows (month 0 = today).
import { monthlyDiscountFactor } from './model';

export interface CashFlowSummary {
  /** Present value of the benefits. */
  pvBenefits: number;
  /** Present value of the costs (positive). */
  pvCosts: number;
  /** pvBenefits − pvCosts. */
  npv: number;
  /** npv ÷ pvCosts; null when nothing is spent (no return on nothing). */
  roi: number | null;
  /** First month from which the cumulative undiscounted cash flow stays ≥ 0 to the horizon; null when never. */
  paybackMonth: number | null;
  /** The same on discounted flows. */
  discountedPaybackMonth: number | null;
}

/** The discount factor of each month 0..months: (1 + r)^(−t/12). */
export function discountFactors(months: number, annualRatePct: number): Float64Array {
  const factors = new Float64Array(months + 1);
  const monthly = monthlyDiscountFactor(annualRatePct);
  let factor = 1;
  for (let t = 0; t <= months; t++) {
    factors[t] = factor;
    factor *= monthly;
  }
  return factors;
}

/** Σ flows[t] · (1 + r)^(−t/12), t = 0 being undiscounted. */
export function presentValue(flows: ArrayLike<number>, annualRatePct: number): number {
  const factors = discountFactors(flows.length - 1, annualRatePct);
  let total = 0;
  for (let t = 0; t < flows.length; t++) total += (flows[t] as number) * (factors[t] as number);
  return total;
}

/**
 * The month from which the running total of `flows` never falls below zero again, or null when it ends below zero.
 * A project that dips below zero after first recovering has not paid back until it recovers for good.
 */
export function paybackMonth(flows: ArrayLike<number>): number | null {
  let cumulative = 0;
  let lastNegative = -1;
  for (let t = 0; t < flows.length; t++) {
    cumulative += flows[t] as number;
    if (cumulative < 0) lastNegative = t;
  }
  if (lastNegative === flows.length - 1) return null;
  return lastNegative + 1;
}

/** NPV, ROI and payback of monthly benefits and costs (same length, month 0 first, costs positive). */
export function summarizeCashFlows(
  benefits: ArrayLike<number>,
  costs: ArrayLike<number>,
  annualRatePct: number,
): CashFlowSummary {
  if (benefits.length !== costs.length) throw new RangeError('benefits and costs must cover the same months.');
  const factors = discountFactors(benefits.length - 1, annualRatePct);
  const net = new Float64Array(benefits.length);
  const discountedNet = new Float64Array(benefits.length);
  let pvBenefits = 0;
  let pvCosts = 0;
  for (let t = 0; t < benefits.length; t++) {
    const factor = factors[t] as number;
    const b = benefits[t] as number;
    const c = costs[t] as number;
    pvBenefits += b * factor;
    pvCosts += c * factor;
    net[t] = b - c;
    discountedNet[t] = (b - c) * factor;
  }
  const npv = pvBenefits - pvCosts;
  return {
    pvBenefits,
    pvCosts,
    npv,
    roi: pvCosts > 0 ? npv / pvCosts : null,
    paybackMonth: paybackMonth(net),
    discountedPaybackMonth: paybackMonth(discountedNet),
  };
}

/** Monthly costs of an initiative over months 0..horizon: the one-off cost at month 0, the recurring cost after. */
export function initiativeCosts(oneOffCost: number, recurringCostPerMonth: number, horizonMonths: number): Float64Array {
  const costs = new Float64Array(horizonMonths + 1).fill(recurringCostPerMonth);
  costs[0] = oneOffCost;
  return costs;
}
