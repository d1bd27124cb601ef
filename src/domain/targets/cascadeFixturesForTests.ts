// Builders of cascade nodes for the targets tests: a node from the fields that matter to each case.

import type { Cascade, CascadeAggregation, CascadeMethod, CascadeNode } from './stored';

export function node(
  id: string,
  fields: Partial<Omit<CascadeNode, 'id'>> & Pick<CascadeNode, 'baseline'>,
): CascadeNode {
  return {
    id,
    name: fields.name ?? id,
    kind: fields.kind ?? 'team',
    departmentId: fields.departmentId ?? null,
    weight: fields.weight ?? 0,
    responses: fields.responses ?? 100,
    baseline: fields.baseline,
    target: fields.target ?? fields.baseline,
    locked: fields.locked ?? false,
    benchmark: fields.benchmark ?? null,
    method: fields.method ?? 'equal-uplift',
    children: fields.children ?? [],
  };
}

export function cascadeOf(
  root: CascadeNode,
  aggregation: CascadeAggregation = 'weighted-mean',
  decimals = 0,
): Cascade {
  return { aggregation, decimals, root };
}

/** Three contact-centre teams answering 600, 300 and 100 surveys a month, pooled NPS 52 today. */
export function threeTeams(method: CascadeMethod, target = 58): CascadeNode {
  return node('company', {
    kind: 'company',
    baseline: 52,
    target,
    method,
    responses: 1000,
    children: [
      node('north', { baseline: 50, responses: 600 }),
      node('south', { baseline: 60, responses: 300 }),
      node('west', { baseline: 40, responses: 100 }),
    ],
  });
}
