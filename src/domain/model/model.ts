// The weighting model's formulas: effort from weights, line of sight and free riding, diminishing returns, timing.

/** Below this curvature the returns curve is a straight line to machine precision. */
const LINEAR_CURVATURE = 1e-9;

/** 1 / (e^(−κ) − 1), the returns curve's normaliser, computed once per curvature; 0 for the straight line. */
export function returnsNormaliser(curvature: number): number {
  return curvature < LINEAR_CURVATURE ? 0 : 1 / Math.expm1(-curvature);
}

/** diminishingReturn with its normaliser computed beforehand (the evaluator's hot loop). */
export function normalisedReturn(effort: number, curvature: number, normaliser: number): number {
  return normaliser === 0 ? effort : Math.expm1(-curvature * effort) * normaliser;
}

/**
 * Share of the full-effort change reached with effort e (0..1): g(e) = (1 − e^(−κe)) / (1 − e^(−κ)).
 * g(0) = 0, g(1) = 1, increasing and concave for κ > 0; κ = 0 is the straight line g(e) = e.
 */
export function diminishingReturn(effort: number, curvature: number): number {
  return normalisedReturn(effort, curvature, returnsNormaliser(curvature));
}

/**
 * How strongly a department works a collective measure, relative to an individual measure of the same weight:
 * its line of sight ℓ (does it see its own effect in the number?) diluted by free riding over the n departments
 * that share the measure: ℓ · n^(−φ). φ = 0: no free riding; φ = 1: each department acts on its 1/n of the credit.
 */
export function collectiveFocus(lineOfSight: number, freeRiding: number, sharers: number): number {
  return lineOfSight * Math.pow(Math.max(1, sharers), -freeRiding);
}

/**
 * Effort a department puts on one metric (fraction of its capacity): effort follows weights, and collective weight
 * is discounted by the collective focus. `collectiveWeight` and `individualWeight` are the metric's share of the
 * department's collective and individual weights (each group sums to 1), `share` the collective share (0..1).
 */
export function effortOn(share: number, collectiveWeight: number, individualWeight: number, focus: number): number {
  return share * collectiveWeight * focus + (1 - share) * individualWeight;
}

/** Fraction of the full effect reached `months` months after it starts (linear ramp; 0 before the start). */
export function rampFraction(months: number, rampUpMonths: number): number {
  if (months <= 0) return 0;
  if (rampUpMonths <= 0) return 1;
  return Math.min(1, months / rampUpMonths);
}

/** One month's discount factor from an annual rate in percent: (1 + r)^(−1/12). */
export function monthlyDiscountFactor(annualRatePct: number): number {
  return Math.pow(1 + annualRatePct / 100, -1 / 12);
}

/** Clamps x into [low, high]; NaN becomes low so a bad draw can never poison a result. */
export function clamp(x: number, low: number, high: number): number {
  return x > low ? (x < high ? x : high) : low;
}
