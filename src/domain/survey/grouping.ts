// Scores by group (month, region, channel, team): each group's score comes from its own pooled responses.

import type { MeanResult, NpsResult, Top2Result } from './scores';
import { csatTop2, meanWithTInterval, nps } from './scores';

export interface GroupScore<T> {
  key: string;
  result: T;
}

const MONTH = /^(\d{4})-(\d{2})(?:-\d{2})?(?:[T ].*)?$/;

/** The 'YYYY-MM' month of an ISO date or date-time ('2024-10-05' → '2024-10'); null when it is not one. */
export function monthKey(isoDate: string): string | null {
  const match = MONTH.exec(isoDate.trim());
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${match[2]}` : null;
}

/**
 * Applies `summarise` to the responses of each group, pooled: a group's NPS is never the mean of its sub-groups'
 * NPS values, which would weigh a team of 20 answers like a team of 2,000. Rows with a null or empty key belong
 * to no group. Groups come back in ascending key order, so 'YYYY-MM' months are chronological.
 */
export function pooledByGroup<T>(
  values: ArrayLike<number>,
  keys: ArrayLike<string | null>,
  summarise: (pooled: Float64Array) => T,
): GroupScore<T>[] {
  const members = new Map<string, number[]>();
  const length = Math.min(values.length, keys.length);
  for (let i = 0; i < length; i++) {
    const key = keys[i];
    if (key === null || key === undefined || key === '') continue;
    let rows = members.get(key);
    if (!rows) {
      rows = [];
      members.set(key, rows);
    }
    rows.push(i);
  }
  return [...members.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const rows = members.get(key) as number[];
      return { key, result: summarise(Float64Array.from(rows, (i) => values[i] as number)) };
    });
}

/** NPS of each group from its pooled 0–10 answers. */
export function npsByGroup(scores: ArrayLike<number>, keys: ArrayLike<string | null>): GroupScore<NpsResult>[] {
  return pooledByGroup(scores, keys, nps);
}

/** CSAT top-2 box of each group from its pooled answers. */
export function csatTop2ByGroup(
  scores: ArrayLike<number>,
  keys: ArrayLike<string | null>,
  scaleMax = 5,
): GroupScore<Top2Result>[] {
  return pooledByGroup(scores, keys, (pooled) => csatTop2(pooled, scaleMax));
}

/** Mean with a t interval of each group (CES, AHT). */
export function meanByGroup(
  values: ArrayLike<number>,
  keys: ArrayLike<string | null>,
  confidence = 0.95,
): GroupScore<MeanResult>[] {
  return pooledByGroup(values, keys, (pooled) => meanWithTInterval(pooled, confidence));
}
