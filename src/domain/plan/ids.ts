// Fresh identifiers for plan entities: a readable prefix plus a random UUID, unique across exchanged plans.

/** `newId('goal')` → "goal_3f2b…"; the prefix is given without the separator. */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID()}`;
}
