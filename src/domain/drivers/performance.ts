// How well each driver is doing (its mean, put on 0–1 with "better" up) and the importance × performance quadrants.
import type { Direction } from '../plan/types';
import type { ValidRange } from './moments';

export interface Performance {
  /** Mean over the complete rows, in the driver's own units. */
  mean: number;
  /** 0 = worst end of the range, 1 = best end: turned over for lower-is-better drivers (effort, handle time). */
  score: number;
  /** The range the mean was placed on: the driver's scale when known, else the range the data cover. */
  basis: 'scale' | 'observed';
  low: number;
  high: number;
  /** Which way is better; null when unknown, read as higher is better. */
  direction: Direction | null;
}

export interface PerformanceInput {
  mean: number;
  observedMin: number;
  observedMax: number;
  scale?: ValidRange | null;
  direction?: Direction | null;
}

/**
 * The driver's mean placed on its scale (NPS item 0–10, CSAT 1–5, CES 1–7, a metric's bounds) or, when the scale is
 * unknown or the data leave it, on the range the data cover. Null when neither range has any width (a constant
 * driver, which the importance analysis refuses anyway).
 */
export function performance(input: PerformanceInput): Performance | null {
  const { mean, observedMin, observedMax, scale } = input;
  const direction = input.direction ?? null;
  const fitsScale = scale && scale.max > scale.min && observedMin >= scale.min && observedMax <= scale.max;
  const [low, high, basis] = fitsScale
    ? [scale.min, scale.max, 'scale' as const]
    : [observedMin, observedMax, 'observed' as const];
  if (!(high > low) || !Number.isFinite(mean)) return null;
  const placed = Math.min(1, Math.max(0, (mean - low) / (high - low)));
  return { mean, score: direction === 'lower' ? 1 - placed : placed, basis, low, high, direction };
}

/** The four readings of an importance × performance chart. */
export type Quadrant = 'fix-first' | 'keep-up' | 'possible-overkill' | 'lower-priority';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'fix-first': 'Fix first',
  'keep-up': 'Keep up',
  'possible-overkill': 'Possible overkill',
  'lower-priority': 'Lower priority',
};

/** What each quadrant asks of the team, for the chart's text alternative and the table. */
export const QUADRANT_ADVICE: Record<Quadrant, string> = {
  'fix-first': 'matters more than average and performs below average: improve these first',
  'keep-up': 'matters more than average and already performs well: protect these',
  'possible-overkill': 'matters less than average yet performs well: effort here may be better spent elsewhere',
  'lower-priority': 'matters less than average and performs below average: watch, but fix the important ones first',
};

export interface QuadrantPoint {
  /** Share of R² in percent. */
  importance: number;
  /** Performance score 0–1. */
  score: number;
}

export interface QuadrantSplit {
  /** The average share of R² in percent (100 / drivers): above it a driver matters more than average. */
  importance: number;
  /** The drivers' average performance score. */
  score: number;
  /** One per point, in input order. */
  quadrants: Quadrant[];
}

/**
 * Splits the chart at the average importance and the average performance of the drivers shown, the usual reading
 * of an importance × performance (priority) map. A point on a line counts as above it.
 */
export function quadrants(points: readonly QuadrantPoint[]): QuadrantSplit {
  const importance = points.length === 0 ? 0 : 100 / points.length;
  const score = points.length === 0 ? 0 : points.reduce((sum, p) => sum + p.score, 0) / points.length;
  return {
    importance,
    score,
    quadrants: points.map((p) => {
      const important = p.importance >= importance;
      const good = p.score >= score;
      if (important) return good ? 'keep-up' : 'fix-first';
      return good ? 'possible-overkill' : 'lower-priority';
    }),
  };
}
