// "In": cascades a target down to departments, teams and individuals so that every parent reconciles with its children.

import type { Direction } from '../plan/types';
import type { FieldProblem } from './problem';
import { numberInMessage } from './problem';
import type { Cascade, CascadeAggregation, CascadeNode } from './stored';

/** What the cascade needs to know of the metric and the target it serves. */
export interface CascadeRules {
  scaleMin: number | null;
  scaleMax: number | null;
  /** The target's benchmark, used by 'gap-to-benchmark' where a node has none of its own. */
  benchmark: number | null;
}

/**
 * `value` rounded to `decimals`, halves away from zero (as Intl.NumberFormat shows numbers). The product with
 * 10^decimals is nudged by a few ulps first, so decimal halves that binary cannot hold (64.95 → 649.4999…) round
 * as they read.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor * (1 + 4 * Number.EPSILON)) / factor;
  return value < 0 ? -rounded : rounded;
}

/**
 * The least value at `decimals` that is at least as good as `value` in the metric's direction (rounded up when
 * higher is better, down when lower is better), so that reaching it is enough.
 */
export function roundTowardBetter(value: number, decimals: number, direction: Direction): number {
  const factor = 10 ** decimals;
  const scaled = roundTo(value * factor, 9);
  const whole = direction === 'higher' ? Math.ceil(scaled) : Math.floor(scaled);
  return whole / factor + 0;
}

/** A child's weight in its parent's roll-up: its responses in a weighted mean, 1 in a sum. */
export function rollUpWeight(node: Pick<CascadeNode, 'responses'>, aggregation: CascadeAggregation): number {
  return aggregation === 'sum' ? 1 : node.responses;
}

/**
 * The parent's value from its children's: Σ nᵢ·xᵢ / Σ nᵢ for a pooled score (never the plain mean of the
 * children), Σ xᵢ for a sum. NaN for a weighted mean whose children have no responses.
 */
export function rollUp(
  children: readonly Pick<CascadeNode, 'responses'>[],
  values: readonly number[],
  aggregation: CascadeAggregation,
): number {
  let total = 0;
  let weight = 0;
  children.forEach((child, i) => {
    const w = rollUpWeight(child, aggregation);
    total += w * (values[i] as number);
    weight += w;
  });
  return aggregation === 'sum' ? total : total / weight;
}

/** The node's target recomputed from its children's targets. */
export function rolledUpTarget(node: CascadeNode, aggregation: CascadeAggregation): number {
  return rollUp(node.children, node.children.map((c) => c.target), aggregation);
}

/** The node's baseline recomputed from its children's baselines. */
export function rolledUpBaseline(node: CascadeNode, aggregation: CascadeAggregation): number {
  return rollUp(node.children, node.children.map((c) => c.baseline), aggregation);
}

type LevelResult = { ok: true; children: CascadeNode[] } | { ok: false; problems: FieldProblem[] };

function withinScale(value: number, rules: CascadeRules): boolean {
  return (rules.scaleMin === null || value >= rules.scaleMin) && (rules.scaleMax === null || value <= rules.scaleMax);
}

function clampToScale(value: number, rules: CascadeRules): number {
  if (rules.scaleMax !== null && value > rules.scaleMax) return rules.scaleMax;
  if (rules.scaleMin !== null && value < rules.scaleMin) return rules.scaleMin;
  return value;
}

type ExactLevel = { ok: true; values: number[] } | { ok: false; problems: FieldProblem[] };

/**
 * Exact targets for one level: locked children keep theirs; the others move from their baselines by c·kᵢ,
 * where kᵢ is the method's key and c is set so that the roll-up equals the parent's target. A child pushed past
 * the scale is held at its end and the rest re-solved (water-filling), so every target stays possible.
 */
function exactLevel(node: CascadeNode, cascade: Cascade, rules: CascadeRules, path: string): ExactLevel {
  const { aggregation } = cascade;
  const children = node.children;
  const w = children.map((c) => rollUpWeight(c, aggregation));
  const totalWeight = w.reduce((a, b) => a + b, 0);
  const held = new Map<number, number>();
  children.forEach((c, i) => {
    if (c.locked) held.set(i, c.target);
  });
  const values = children.map((c) => c.target);
  const refuse = (message: string): { ok: false; problems: FieldProblem[] } => ({
    ok: false,
    problems: [{ field: `${path}.children`, message }],
  });
  for (;;) {
    const free = children.map((_, i) => i).filter((i) => !held.has(i));
    if (free.length === 0) break;
    let needed = aggregation === 'sum' ? node.target : node.target * totalWeight;
    for (const [i, value] of held) needed -= (w[i] as number) * value;
    let gain = needed;
    for (const i of free) gain -= (w[i] as number) * (children[i] as CascadeNode).baseline;
    const keys: number[] = [];
    for (const i of free) {
      const child = children[i] as CascadeNode;
      switch (node.method) {
        case 'equal-uplift':
          keys.push(1);
          break;
        case 'response-weighted':
          keys.push(child.responses);
          break;
        case 'proportional':
          if (!(child.baseline > 0)) {
            return refuse(
              'Splitting in proportion to the baseline needs every baseline above 0; ' +
                `${child.name} is at ${numberInMessage(child.baseline)}. Choose another method.`,
            );
          }
          keys.push(child.baseline);
          break;
        case 'gap-to-benchmark': {
          const benchmark = child.benchmark ?? node.benchmark ?? rules.benchmark;
          if (benchmark === null) return refuse('Splitting by the gap to the benchmark needs a benchmark: enter one for the target.');
          keys.push(Math.max(0, Math.sign(gain) * (benchmark - child.baseline)));
          break;
        }
      }
    }
    let denominator = 0;
    free.forEach((i, k) => {
      denominator += (w[i] as number) * (keys[k] as number);
    });
    let scale = 0;
    if (gain !== 0) {
      if (!(denominator > 0)) {
        return refuse(
          node.method === 'gap-to-benchmark'
            ? `Every part of ${node.name} that is free to move already meets its benchmark, so the gap gives no split. ` +
                'Choose another method.'
            : `The parts of ${node.name} that are free to move have no responses, so they cannot move its score. ` +
                'Unlock a part with responses.',
        );
      }
      scale = gain / denominator;
    }
    let clamped = false;
    free.forEach((i, k) => {
      const value = (children[i] as CascadeNode).baseline + scale * (keys[k] as number);
      if (!withinScale(value, rules)) {
        held.set(i, clampToScale(value, rules));
        clamped = true;
      }
      values[i] = clampToScale(value, rules);
    });
    if (!clamped) break;
  }
  for (const [i, value] of held) values[i] = value;
  return { ok: true, values };
}

/**
 * Rounds the free children's targets to the cascade's decimals, then moves the ones rounded furthest against the
 * needed direction by one unit until the roll-up shows the parent's target at that rounding.
 */
function roundLevel(node: CascadeNode, exact: number[], cascade: Cascade, rules: CascadeRules): number[] {
  const { aggregation, decimals } = cascade;
  const children = node.children;
  const unit = 10 ** -decimals;
  // Children without responses are rounded too, but cannot correct a pooled roll-up they do not enter.
  const movable = children.map((c) => !c.locked && rollUpWeight(c, aggregation) > 0);
  const values = exact.map((x, i) => (children[i]?.locked === true ? x : clampToScale(roundTo(x, decimals), rules)));
  const wanted = roundTo(node.target, decimals);
  for (let step = 0; step <= 2 * children.length; step++) {
    const shown = roundTo(rollUp(children, values, aggregation), decimals);
    if (shown === wanted) break;
    const up = shown < wanted;
    let best = -1;
    let bestSlack = -Infinity;
    let bestValue = 0;
    values.forEach((value, i) => {
      if (!movable[i]) return;
      const next = roundTo(value + (up ? unit : -unit), decimals);
      if (!withinScale(next, rules)) return;
      const slack = up ? (exact[i] as number) - value : value - (exact[i] as number);
      if (slack > bestSlack) {
        best = i;
        bestSlack = slack;
        bestValue = next;
      }
    });
    if (best < 0) break;
    values[best] = bestValue;
  }
  return values;
}

/** Each child's share of the parent's change: wᵢ·(targetᵢ − baselineᵢ) over the sum of the same; 0 when nothing changes. */
function contributionShares(children: readonly CascadeNode[], targets: readonly number[], aggregation: CascadeAggregation): number[] {
  const contributions = children.map((c, i) => rollUpWeight(c, aggregation) * ((targets[i] as number) - c.baseline));
  const total = contributions.reduce((a, b) => a + b, 0);
  return contributions.map((c) => (total !== 0 ? c / total : 0));
}

function allocateLevel(node: CascadeNode, cascade: Cascade, rules: CascadeRules, path: string): LevelResult {
  if (node.children.length === 0) return { ok: true, children: [] };
  if (cascade.aggregation === 'weighted-mean' && !(node.children.reduce((s, c) => s + c.responses, 0) > 0)) {
    const message = `None of the parts of ${node.name} has responses, so their scores cannot be pooled.`;
    return { ok: false, problems: [{ field: `${path}.children`, message }] };
  }
  const exact = exactLevel(node, cascade, rules, path);
  if (!exact.ok) return exact;
  const values = roundLevel(node, exact.values, cascade, rules);
  const shown = roundTo(rollUp(node.children, values, cascade.aggregation), cascade.decimals);
  if (shown !== roundTo(node.target, cascade.decimals)) {
    const locked = node.children.filter((c) => c.locked).map((c) => c.name);
    return {
      ok: false,
      problems: [
        {
          field: `${path}.children`,
          message:
            `The parts of ${node.name} cannot reach ${numberInMessage(roundTo(node.target, cascade.decimals))} within the metric's scale` +
            (locked.length > 0 ? ` while ${locked.join(', ')} stay${locked.length === 1 ? 's' : ''} on plan.` : '.'),
        },
      ],
    };
  }
  const weights = contributionShares(node.children, values, cascade.aggregation);
  return {
    ok: true,
    children: node.children.map((c, i) => ({ ...c, target: values[i] as number, weight: weights[i] as number })),
  };
}

export type CascadeResult = { ok: true; cascade: Cascade } | { ok: false; problems: FieldProblem[] };

/**
 * Re-balances the whole cascade top-down: every node's unlocked children get targets by the node's method that
 * roll up to the node's target at the cascade's rounding; locked children keep theirs. The root keeps its target
 * (the Target's value). Refused, at the level concerned, when a level cannot reconcile (every child locked off
 * the target, the scale's end in the way, a method that has no split for these children).
 */
export function rebalance(cascade: Cascade, rules: CascadeRules): CascadeResult {
  const problems: FieldProblem[] = [];
  const visit = (node: CascadeNode, path: string): CascadeNode => {
    const level = allocateLevel(node, cascade, rules, path);
    if (!level.ok) {
      problems.push(...level.problems);
      return node;
    }
    return { ...node, children: level.children.map((child, i) => visit(child, `${path}.children[${i}]`)) };
  };
  const root = visit({ ...cascade.root, weight: 1 }, 'cascade.root');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cascade: { ...cascade, root } };
}

/** The cascade with a new target at the root (the Target's value changed), re-balanced. */
export function setRootTarget(cascade: Cascade, target: number, rules: CascadeRules): CascadeResult {
  return rebalance({ ...cascade, root: { ...cascade.root, target } }, rules);
}

/** A copy of the tree with the node `id` replaced by `replace(node)` (or removed when it returns null). */
export function mapNode(root: CascadeNode, id: string, replace: (node: CascadeNode) => CascadeNode | null): CascadeNode {
  const visit = (node: CascadeNode): CascadeNode => ({
    ...node,
    children: node.children.flatMap((child) => {
      if (child.id === id) {
        const next = replace(child);
        return next === null ? [] : [next];
      }
      return [visit(child)];
    }),
  });
  if (root.id === id) return replace(root) ?? root;
  return visit(root);
}

/** The node with this id and its parent (null for the root), or null when it is not in the tree. */
export function findNode(root: CascadeNode, id: string): { node: CascadeNode; parent: CascadeNode | null } | null {
  if (root.id === id) return { node: root, parent: null };
  const stack: CascadeNode[] = [root];
  for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
    for (const child of parent.children) {
      if (child.id === id) return { node: child, parent };
      stack.push(child);
    }
  }
  return null;
}

function refuseEdit(field: string, message: string): CascadeResult {
  return { ok: false, problems: [{ field, message }] };
}

/** Adds `child` under the node `parentId` and re-balances, so the new team takes its share and the rest adjust. */
export function addChild(cascade: Cascade, parentId: string, child: CascadeNode, rules: CascadeRules): CascadeResult {
  if (findNode(cascade.root, parentId) === null) return refuseEdit('cascade', 'The part to add to is not in the cascade.');
  const root = mapNode(cascade.root, parentId, (node) => ({ ...node, children: [...node.children, child] }));
  return rebalance({ ...cascade, root }, rules);
}

/** Removes the node `id` (and everything under it) and re-balances its former siblings to make up for it. */
export function removeNode(cascade: Cascade, id: string, rules: CascadeRules): CascadeResult {
  if (cascade.root.id === id) return refuseEdit('cascade.root', 'The top of the cascade cannot be removed.');
  if (findNode(cascade.root, id) === null) return refuseEdit('cascade', 'That part is not in the cascade.');
  return rebalance({ ...cascade, root: mapNode(cascade.root, id, () => null) }, rules);
}

/** Sets a node's own target and locks it ("this team commits to 58"); its siblings re-balance around it. */
export function commitTarget(cascade: Cascade, id: string, target: number, rules: CascadeRules): CascadeResult {
  if (findNode(cascade.root, id) === null) return refuseEdit('cascade', 'That part is not in the cascade.');
  if (cascade.root.id === id) return setRootTarget(cascade, target, rules);
  return rebalance({ ...cascade, root: mapNode(cascade.root, id, (node) => ({ ...node, target, locked: true })) }, rules);
}

export interface RequiredValue {
  /** Exact value the child must reach for its parent to hit its target, the other children on plan. */
  value: number;
  /** That value at the cascade's decimals, rounded toward better so that reaching it is enough. */
  shown: number;
  /** False when the value lies beyond the metric's scale: the others' plans leave this child no way to make it. */
  possible: boolean;
}

/**
 * "What must team X reach if the others stay on plan": the value of child `childId` that makes its parent's
 * roll-up equal the parent's target, all its siblings at their targets. null when the child is not in the tree,
 * is the root, or has no responses (it then cannot move a pooled score).
 */
export function requiredForChild(cascade: Cascade, childId: string, rules: CascadeRules, direction: Direction): RequiredValue | null {
  const found = findNode(cascade.root, childId);
  if (found === null || found.parent === null) return null;
  const { parent, node } = found;
  const weight = rollUpWeight(node, cascade.aggregation);
  if (!(weight > 0)) return null;
  const totalWeight = parent.children.reduce((s, c) => s + rollUpWeight(c, cascade.aggregation), 0);
  let rest = cascade.aggregation === 'sum' ? parent.target : parent.target * totalWeight;
  for (const sibling of parent.children) {
    if (sibling.id !== childId) rest -= rollUpWeight(sibling, cascade.aggregation) * sibling.target;
  }
  const value = rest / weight;
  return { value, shown: roundTowardBetter(value, cascade.decimals, direction), possible: withinScale(value, rules) };
}

export interface ReconciliationRow {
  nodeId: string;
  name: string;
  /** Depth below the root (0 for the root). */
  depth: number;
  target: number;
  /** The target recomputed from the children's targets. */
  rolledUp: number;
  /** The baseline recomputed from the children's baselines. */
  rolledUpBaseline: number;
  difference: number;
  /** True when the recomputed target shows as the target at the cascade's decimals. */
  reconciles: boolean;
}

/** The reconciliation check of every node that has children, top-down: the proof the cascade adds up. */
export function reconciliation(cascade: Cascade): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  const visit = (node: CascadeNode, depth: number): void => {
    if (node.children.length > 0) {
      const rolledUp = rolledUpTarget(node, cascade.aggregation);
      rows.push({
        nodeId: node.id,
        name: node.name,
        depth,
        target: node.target,
        rolledUp,
        rolledUpBaseline: rolledUpBaseline(node, cascade.aggregation),
        difference: rolledUp - node.target,
        reconciles: roundTo(rolledUp, cascade.decimals) === roundTo(node.target, cascade.decimals),
      });
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(cascade.root, 0);
  return rows;
}

/** True when every parent in the cascade reconciles with its children. */
export function reconciles(cascade: Cascade): boolean {
  return reconciliation(cascade).every((row) => row.reconciles);
}
