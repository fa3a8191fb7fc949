/**
 * The cluster file (`podlab run --cluster FILE`, lesson topologies): a small YAML document naming
 * the nodes, with labels, taints and capacity.
 *
 *   nodes:
 *     - name: kube-master1
 *       controlPlane: true
 *     - name: kube-node1
 *       labels: {disk: ssd}
 *       taints: ["dedicated=db:NoSchedule"]   # or {key, value, effect}
 *       cpu: "4"
 *       memory: 8Gi
 *       pods: 110
 *   ageSeconds: 262800                         # optional: how old the cluster is at the start
 */
import { parse } from 'yaml';
import type { Taint } from 'kubernetes-types/core/v1';
import { DEFAULT_CLUSTER_AGE_SECONDS, type ClusterSpec, type NodeSpec } from './topology';
import { parseQuantity } from '../api/quantity';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Parses a taint written as `key[=value]:Effect`. */
export function parseTaint(text: string): Taint | undefined {
  const m = /^([^=:\s]+)(?:=([^:\s]*))?:(\w+)$/.exec(text.trim());
  if (!m || !EFFECTS.includes(m[3])) return undefined;
  return { key: m[1], ...(m[2] !== undefined && m[2] !== '' ? { value: m[2] } : {}), effect: m[3] };
}

/** Parses a cluster file; the error is one line naming the offending field. */
export function parseClusterFile(text: string): ClusterSpec | { error: string } {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return {
      error: `not valid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
    };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return { error: 'expected a mapping with a "nodes" list' };
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d))
    if (key !== 'nodes' && key !== 'ageSeconds') return { error: `unknown field "${key}"` };
  if (!Array.isArray(d.nodes) || d.nodes.length === 0)
    return { error: 'nodes: expected a non-empty list' };
  const nodes: NodeSpec[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of d.nodes.entries()) {
    const at = `nodes[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      return { error: `${at}: expected a mapping` };
    const n = raw as Record<string, unknown>;
    for (const key of Object.keys(n)) {
      if (
        ![
          'name',
          'controlPlane',
          'labels',
          'taints',
          'cpu',
          'memory',
          'pods',
          'kubeletVersion',
        ].includes(key)
      )
        return { error: `${at}: unknown field "${key}"` };
    }
    if (typeof n.name !== 'string' || !NAME.test(n.name) || n.name.length > 253)
      return { error: `${at}.name: must be a lower-case DNS name` };
    if (seen.has(n.name)) return { error: `${at}.name: duplicate node "${n.name}"` };
    seen.add(n.name);
    const node: NodeSpec = { name: n.name };
    if (n.controlPlane !== undefined) {
      if (typeof n.controlPlane !== 'boolean')
        return { error: `${at}.controlPlane: must be true or false` };
      node.controlPlane = n.controlPlane;
    }
    if (n.labels !== undefined) {
      if (!n.labels || typeof n.labels !== 'object' || Array.isArray(n.labels))
        return { error: `${at}.labels: expected a mapping` };
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(n.labels)) labels[k] = v === null ? '' : String(v);
      node.labels = labels;
    }
    if (n.taints !== undefined) {
      if (!Array.isArray(n.taints)) return { error: `${at}.taints: expected a list` };
      const taints: Taint[] = [];
      for (const [j, t] of n.taints.entries()) {
        const taint =
          typeof t === 'string'
            ? parseTaint(t)
            : t && typeof t === 'object'
              ? (t as Taint)
              : undefined;
        if (!taint || typeof taint.key !== 'string' || !EFFECTS.includes(taint.effect)) {
          return {
            error: `${at}.taints[${j}]: expected "key[=value]:Effect" with Effect NoSchedule, PreferNoSchedule or NoExecute`,
          };
        }
        taints.push({
          key: taint.key,
          ...(taint.value ? { value: String(taint.value) } : {}),
          effect: taint.effect,
        });
      }
      node.taints = taints;
    }
    for (const field of ['cpu', 'memory'] as const) {
      if (n[field] === undefined) continue;
      const q = String(n[field]);
      if (parseQuantity(q) === undefined)
        return { error: `${at}.${field}: "${q}" is not a quantity` };
      node[field] = q;
    }
    if (n.pods !== undefined) {
      if (!Number.isInteger(n.pods) || (n.pods as number) < 1)
        return { error: `${at}.pods: must be a positive integer` };
      node.pods = n.pods as number;
    }
    if (n.kubeletVersion !== undefined) node.kubeletVersion = String(n.kubeletVersion);
    nodes.push(node);
  }
  let ageSeconds = DEFAULT_CLUSTER_AGE_SECONDS;
  if (d.ageSeconds !== undefined) {
    if (!Number.isInteger(d.ageSeconds) || (d.ageSeconds as number) < 0)
      return { error: 'ageSeconds: must be a non-negative integer' };
    ageSeconds = d.ageSeconds as number;
  }
  return { nodes, ageSeconds };
}
