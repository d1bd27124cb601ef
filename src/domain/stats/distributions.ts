// Special functions and the normal and Student t distributions, accurate enough to reproduce R's p-values and quantiles.

const LN_SQRT_2PI = 0.9189385332046727; // ln(√(2π))
const LN_SQRT_PI = 0.5723649429247001; // ln(√π) = lgamma(1/2)
const SQRT_PI = 1.772453850905516;

// Lanczos approximation with g = 7 and nine terms: about 1e-15 relative error for x ≥ 1/2.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (and for negative non-integers, through the reflection formula). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * lgamma(x) − Stirling's approximation ((x − ½)ln x − x + ln√(2π)), for x ≥ 10.
 * Subtracting Stirling analytically keeps ln B(a, b) accurate when a or b is large, where the plain
 * difference of three log-gammas of size ~a·ln a would lose digits to cancellation.
 */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  // Bernoulli-number series; the omitted term is below 3e-17 at x = 10.
  return (
    r *
    (1 / 12 -
      r2 *
        (1 / 360 -
          r2 *
            (1 / 1260 -
              r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360 - r2 * (1 / 156 - r2 * (3617 / 122400))))))))
  );
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

const TINY = 1e-300;

/**
 * Continued fraction for I_x(a, b) (modified Lentz); converges fast for x < (a + 1)/(a + b + 2).
 * Its first denominator 1 − (a + b)x/(a + 1) is rewritten as y + (1 − b)x/(a + 1), y = 1 − x: near the
 * switch point with large a (the t distribution with many df) the literal form cancels to a few digits.
 */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = y + ((1 - b) * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  // Iterations grow like √max(a, b); the cap only guards against non-finite input.
  const maxIterations = 10000 + Math.ceil(10 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= Number.EPSILON) break;
  }
  return h;
}

/**
 * Both tails of the regularized incomplete beta, each with full relative precision.
 * y = 1 − x is passed separately so callers that know it exactly (t²/(ν + t²)) do not lose it to cancellation,
 * and so may ln x and ln y: with a large (a = ν/2), a·ln x magnifies any rounding of x itself.
 */
function incompleteBetaTails(
  x: number,
  y: number,
  a: number,
  b: number,
  logX = Math.log(x),
  logY = Math.log(y),
): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(x, y, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logFront) * betaContinuedFraction(y, x, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/** The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return incompleteBetaTails(x, 1 - x, a, b).lower;
}

/** 1 − I_x(a, b), computed directly so that small upper tails keep their relative precision. */
export function regularizedIncompleteBetaComplement(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return NaN;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  return incompleteBetaTails(x, 1 - x, a, b).upper;
}

/** P(T > |t|) for T ~ t(df): the one-sided tail beyond |t|, with full relative precision however small. */
function studentTTail(t: number, df: number): number {
  if (t === 0) return 0.5;
  const s = (t * t) / df; // t²/ν
  if (s === Infinity) return 0;
  const x = 1 / (1 + s); // ν/(ν + t²)
  const y = s / (1 + s); // t²/(ν + t²)
  const log1pS = Math.log1p(s);
  return 0.5 * incompleteBetaTails(x, y, df / 2, 0.5, -log1pS, Math.log(s) - log1pS).lower;
}

/** P(T ≤ t) for Student's t with df > 0 degrees of freedom (df = Infinity gives the normal). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = studentTTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** Two-sided p-value 2·P(T > |t|), as R's 2·pt(−|t|, df). */
export function twoSidedTPValue(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return 2 * normalTail(Math.abs(t));
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * studentTTail(t, df));
}

/** Density of Student's t. */
export function studentTPdf(t: number, df: number): number {
  if (df === Infinity) return Math.exp(-0.5 * t * t - LN_SQRT_2PI);
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df) - LN_SQRT_PI;
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Hill's (1970, CACM algorithm 396) starting value for the upper t quantile with two-sided tail P.
 * Good to about 6 digits; Newton steps on the exact tail then take it to full precision.
 */
function hillTQuantile(twoSidedP: number, df: number): number {
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = ((((20700 * a) / b - 98) * a - 16) * a + 96.36);
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = Math.pow(d * twoSidedP, 2 / df);
  if (y > 0.05 + a) {
    const x = -normalQuantile(0.5 * twoSidedP); // the upper normal quantile
    y = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    y =
      ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) *
        ((df + 1) / (df + 2)) +
      1 / y;
  }
  return Math.sqrt(df * y);
}

/** The t with P(T ≤ t) = p for Student's t with df degrees of freedom (R's qt(p, df)). */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || !(df > 0) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  const sign = p < 0.5 ? -1 : 1;
  const q = p < 0.5 ? p : 1 - p; // the smaller tail, so its relative precision is kept
  let t: number;
  if (df <= 1) {
    // Exact for the Cauchy (df = 1); below 1 only a start, since Hill's expansion needs df > ½.
    t = 1 / Math.tan(Math.PI * q);
  } else if (df === 2) {
    t = Math.sqrt(2 / (4 * q * (1 - q)) - 2);
  } else {
    t = hillTQuantile(2 * q, df);
  }
  // Newton on ln P(T > t) = ln q: the log keeps steps well scaled deep in the tails.
  const logQ = Math.log(q);
  for (let i = 0; i < 50 && Number.isFinite(t) && t > 0; i++) {
    const tail = studentTTail(t, df);
    if (tail <= 0) break;
    const step = ((Math.log(tail) - logQ) * tail) / studentTPdf(t, df);
    const next = t + step;
    if (!(next > 0) || !Number.isFinite(next)) break;
    t = next;
    if (Math.abs(step) <= 4 * Number.EPSILON * t) break;
  }
  return sign * t;
}

/**
 * Upper normal tail P(Z > z) for z ≥ 0, through erfc(z/√2) = Q(½, z²/2), the regularized upper incomplete gamma:
 * a power series below the crossover and a continued fraction above it, both converging to full precision.
 */
function normalTail(z: number): number {
  if (z === Infinity) return 0;
  const x = 0.5 * z * z;
  if (x < 1.5) {
    // erf(w) = (2w/√π)·e^{−w²}·Σ (2w²)^n / (1·3·…·(2n + 1)), w = z/√2, w² = x.
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x) / (2 * n + 1);
      sum += term;
      if (term < sum * Number.EPSILON) break;
    }
    const erf = ((2 * Math.sqrt(x)) / SQRT_PI) * Math.exp(-x) * sum;
    return 0.5 * (1 - erf);
  }
  // Q(a, x) = e^{−x} x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)), a = ½, by modified Lentz.
  const a = 0.5;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= Number.EPSILON) break;
  }
  return 0.5 * Math.exp(-x + 0.5 * Math.log(x) - LN_SQRT_PI) * h;
}

/** Φ(z) = P(Z ≤ z) for the standard normal, with full relative precision in both tails. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z < 0 ? normalTail(-z) : 1 - normalTail(z);
}

/** P(Z > z) = 1 − Φ(z), computed directly so small upper tails keep their precision (R: pnorm(z, lower.tail = FALSE)). */
export function normalUpperCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z < 0 ? 1 - normalTail(-z) : normalTail(z);
}

// Wichura (1988), Algorithm AS 241 (PPND16): rational approximations good to about 1 part in 1e16.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + (coefficients[i] as number);
  return value;
}

/** The z with Φ(z) = p (R's qnorm(p)), by Wichura's AS 241. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(AS241_C, r) / polynomial(AS241_D, r);
  } else {
    r -= 5;
    z = polynomial(AS241_E, r) / polynomial(AS241_F, r);
  }
  return q < 0 ? -z : z;
}

/**
 * The 95 % two-sided normal quantile qnorm(0.975) = 1.959963984540054, computed exactly as R does (AS 241)
 * so intervals agree with R to the last bit; the 1.96 of textbooks is its rounding.
 */
export const Z95 = normalQuantile(0.975);
