// Models with known sensitivity indices (Ishigami, additive linear) that check the engines against analytic answers.
import { distributionVariance } from './distributions';
import type { InputSpec, SensitivityModel } from './sensitivityModel';

/** Ishigami's a = 7, b = 0.1 indices (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008). */
export const ISHIGAMI_INDICES = {
  first: [0.3139, 0.4424, 0],
  total: [0.5576, 0.4424, 0.2437],
} as const;

/** f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with x₁, x₂, x₃ uniform on [−π, π]. */
export function ishigamiModel(a = 7, b = 0.1): SensitivityModel {
  const inputs: InputSpec[] = [1, 2, 3].map((i) => ({
    key: `x${i}`,
    label: `x${i}`,
    base: 0,
    distribution: { kind: 'uniform', low: -Math.PI, high: Math.PI },
  }));
  return {
    inputs,
    outputs: [{ key: 'y', label: 'Ishigami', unit: 'score' }],
    evaluate(x: Float64Array, out: Float64Array): void {
      const s1 = Math.sin(x[0] as number);
      const s2 = Math.sin(x[1] as number);
      const x3 = x[2] as number;
      out[0] = s1 + a * s2 * s2 + b * x3 * x3 * x3 * x3 * s1;
    },
  };
}

/** y = Σ cᵢ xᵢ with independent inputs: every first-order index is cᵢ² Var(xᵢ) / Σ cⱼ² Var(xⱼ), and equals its total. */
export function linearModel(coefficients: readonly number[], inputs: readonly InputSpec[]): SensitivityModel {
  if (coefficients.length !== inputs.length) throw new RangeError('One coefficient per input.');
  const c = Float64Array.from(coefficients);
  return {
    inputs,
    outputs: [{ key: 'y', label: 'Linear', unit: 'score' }],
    evaluate(x: Float64Array, out: Float64Array): void {
      let y = 0;
      for (let i = 0; i < c.length; i++) y += (c[i] as number) * (x[i] as number);
      out[0] = y;
    },
  };
}

/** The analytic variance shares of a linear model. */
export function linearVarianceShares(coefficients: readonly number[], inputs: readonly InputSpec[]): number[] {
  const parts = inputs.map((input, i) => {
    const c = coefficients[i] ?? 0;
    return input.distribution === null ? 0 : c * c * distributionVariance(input.distribution, input.base);
  });
  const total = parts.reduce((a, b) => a + b, 0);
  return parts.map((p) => p / total);
}
