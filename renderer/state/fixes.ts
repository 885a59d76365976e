import type { Diagnostic } from "../../shared/diagnostics";
import type { GraphEdge } from "../../shared/ir/graph";
import type { Project } from "../../shared/ir/project";
import { getSpec } from "../../shared/layers/catalog";
import { compatibleShapes, type Shape } from "../../shared/shapes/shape";
import type { Analysis } from "./analysis";
import { addNode, connect, insertBetween, removeElements, setParams } from "./edits";
import { findNode } from "./project-ops";

/**
 * One-click fixes for diagnostics, keyed by code. A fix is a pure edit, offered only where the
 * remedy is obvious; the first fix of a list is the recommended one.
 */
export interface Fix {
  title: string;
  apply(project: Project): Project;
}

type FixRule = (d: Diagnostic, p: Project, a: Analysis) => Fix[];

const MERGES = new Set(["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"]);

const nameOf = (p: Project, id: string) => {
  const n = findNode(p, id);
  return n?.name ?? id;
};
const edgesInto = (p: Project, id: string) => p.graph.edges.filter((e) => e.target === id);

const RULES: Partial<Record<Diagnostic["code"], FixRule>> = {
  W_DENSE_ON_RANK: (d, p, a) => {
    const edge = d.nodeId ? edgesInto(p, d.nodeId)[0] : undefined;
    if (!edge) return [];
    const shape = a.graph.edgeShapes[edge.id];
    const target = nameOf(p, edge.target);
    const fixes: Fix[] = [insertFix(`Insert Flatten before ${target}`, edge, "Flatten")];
    if (shape?.length === 3) {
      fixes.push(insertFix(`Insert GlobalAveragePooling2D before ${target}`, edge, "GlobalAveragePooling2D"));
    }
    return fixes;
  },

  E_SHAPE_MISMATCH: (d, p, a) => {
    const node = d.nodeId ? findNode(p, d.nodeId) : undefined;
    if (!node || !MERGES.has(node.kind)) return [];
    return projectionFix(p, a, node.id);
  },

  E_PARAM_INVALID: (d) => resetParam(d, (param) => `Reset ${param} to its default`),
  E_PARAM_UNKNOWN: (d) => resetParam(d, (param) => `Remove the unknown parameter ${param}`),

  E_NONPOSITIVE_SIZE: (d, p) => {
    const node = d.nodeId ? findNode(p, d.nodeId) : undefined;
    const spec = node && getSpec(node.kind);
    if (!node || !spec || !("padding" in spec.params) || node.params.padding === "same") return [];
    const def = spec.params.padding;
    if (def.type !== "enum" || !def.values.includes("same")) return [];
    return [
      {
        title: `Use padding "same" in ${nameOf(p, node.id)}`,
        apply: (q) => setParams(q, node.id, { padding: "same" }),
      },
    ];
  },

  E_DANGLING_EDGE: (d) => removeEdgeFix(d),
  E_UNKNOWN_PORT: (d) => removeEdgeFix(d),

  E_TOO_MANY_INPUTS: (d, p) => {
    const node = d.nodeId ? findNode(p, d.nodeId) : undefined;
    const spec = node && getSpec(node.kind);
    if (!node || !spec) return [];
    const extra: string[] = [];
    for (const port of spec.inputs) {
      const keep = port.variadic ? (port.variadic.max ?? Number.POSITIVE_INFINITY) : 1;
      extra.push(
        ...edgesInto(p, node.id)
          .filter((e) => e.targetPort === port.name)
          .slice(keep)
          .map((e) => e.id),
      );
    }
    if (extra.length === 0) return [];
    return [
      {
        title: `Remove ${extra.length === 1 ? "the extra connection" : `${extra.length} extra connections`} into ${nameOf(p, node.id)}`,
        apply: (q) => removeElements(q, { edgeIds: extra }),
      },
    ];
  },

  W_UNUSED_INPUT: (d, p) =>
    d.nodeId
      ? [
          {
            title: `Delete the unused Input ${nameOf(p, d.nodeId)}`,
            apply: (q) => removeElements(q, { nodeIds: [d.nodeId as string] }),
          },
        ]
      : [],

  E_NO_INPUT: (_d, _p, a) => [
    {
      title: "Add an Input layer",
      apply: (q) => {
        const first = a.graph.order
          .map((id) => findNode(q, id))
          .find((n) => n && getSpec(n.kind)?.inputs.length && !edgesInto(q, n.id).length);
        const pos = first?.position ?? { x: 0, y: 0 };
        const added = addNode(q, { kind: "Input", position: { x: pos.x - 300, y: pos.y } });
        return first ? connect(added.project, { source: added.id, target: first.id }) : added.project;
      },
    },
  ],

  E_DATA_INPUT_SHAPE: (d, _p, a) => bindingFix(d, a),
  E_DATA_OUTPUT_SIZE: (d, _p, a) => bindingFix(d, a),
  E_DATA_LOSS: (d, _p, a) => bindingFix(d, a),

  E_CYCLE: (d, p) => {
    const edge = d.nodeId ? closingEdge(p, d.nodeId) : undefined;
    if (!edge) return [];
    return [
      {
        title: `Remove the connection ${nameOf(p, edge.source)} → ${nameOf(p, edge.target)} that closes the cycle`,
        apply: (q) => removeElements(q, { edgeIds: [edge.id] }),
      },
    ];
  },
};

export function fixesFor(d: Diagnostic, project: Project, analysis: Analysis): Fix[] {
  const rule = RULES[d.code];
  if (!rule) return [];
  try {
    return rule(d, project, analysis);
  } catch {
    // A fix is a convenience: a rule that trips over an odd document offers nothing rather than failing.
    return [];
  }
}

function insertFix(title: string, edge: GraphEdge, kind: string, params?: Record<string, unknown>): Fix {
  return { title, apply: (q) => insertBetween(q, edge.id, { kind, params }).project };
}

function resetParam(d: Diagnostic, title: (param: string) => string): Fix[] {
  const { nodeId, param } = d;
  if (!nodeId || !param || param.includes(".")) return [];
  return [{ title: title(param), apply: (q) => setParams(q, nodeId, { [param]: undefined }) }];
}

/** A data/model mismatch carries its own remedy (the data's shape or class count) on its issue. */
function bindingFix(d: Diagnostic, a: Analysis): Fix[] {
  const fix = a.binding.find((i) => i.code === d.code && i.nodeId === d.nodeId)?.fix;
  return fix ? [{ title: fix.title, apply: (q) => setParams(q, fix.nodeId, fix.params) }] : [];
}

function removeEdgeFix(d: Diagnostic): Fix[] {
  const edgeId = d.edgeId;
  return edgeId
    ? [{ title: `Remove the connection ${edgeId}`, apply: (q) => removeElements(q, { edgeIds: [edgeId] }) }]
    : [];
}

/**
 * Projections before an element-wise merge whose inputs differ: the input with the smallest
 * spatial size is the reference; the others get a Dense (vectors, sequences) or a 1x1 Conv2D,
 * strided when the spatial size is an integer multiple (ResNet's projection shortcut).
 */
function projectionFix(p: Project, a: Analysis, mergeId: string): Fix[] {
  const edges = edgesInto(p, mergeId);
  const shapes = edges.map((e) => a.graph.edgeShapes[e.id] ?? null);
  if (shapes.some((s) => s === null || s.some((dim) => dim === null))) return [];
  const known = shapes as number[][];
  const spatial = (s: readonly number[]) => s.slice(0, -1).reduce((x, y) => x * y, 1);
  let ref = 0;
  for (let i = 1; i < known.length; i++) if (spatial(known[i]) < spatial(known[ref])) ref = i;
  const target = known[ref];
  const inserts: { edge: GraphEdge; kind: string; params: Record<string, unknown>; text: string }[] = [];
  for (let i = 0; i < known.length; i++) {
    const s = known[i];
    if (i === ref || compatibleShapes(s as Shape, target as Shape)) continue;
    const plan = projection(s, target);
    if (!plan) return [];
    inserts.push({ edge: edges[i], ...plan });
  }
  if (inserts.length === 0) return [];
  const text = inserts[0].text;
  return [
    {
      title: `Insert ${inserts.length === 1 ? `a ${text}` : `${inserts.length} projections`} before ${nameOf(p, mergeId)}`,
      apply: (q) =>
        inserts.reduce((acc, x) => insertBetween(acc, x.edge.id, { kind: x.kind, params: x.params }).project, q),
    },
  ];
}

function projection(s: number[], t: number[]): { kind: string; params: Record<string, unknown>; text: string } | null {
  if (s.length !== t.length) return null;
  const c = t[t.length - 1];
  if (s.length <= 2) {
    if (s.length === 2 && s[0] !== t[0]) return null;
    return { kind: "Dense", params: { units: c }, text: `Dense projection to ${c} units` };
  }
  if (s.length !== 3) return null;
  const [h, w] = s;
  const [th, tw] = t;
  if (h % th !== 0 || w % tw !== 0 || h / th !== w / tw) return null;
  const stride = h / th;
  const params: Record<string, unknown> = { filters: c, kernelSize: 1 };
  if (stride > 1) params.strides = stride;
  return {
    kind: "Conv2D",
    params,
    text: `1x1 Conv2D projection to ${c} channels${stride > 1 ? `, stride ${stride}` : ""}`,
  };
}

/** The edge a depth-first walk from `start` finds going back into its own path: it closes a cycle. */
function closingEdge(p: Project, start: string): GraphEdge | undefined {
  const out = new Map<string, GraphEdge[]>();
  for (const e of p.graph.edges) out.set(e.source, [...(out.get(e.source) ?? []), e]);
  const onPath = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string): GraphEdge | undefined => {
    onPath.add(id);
    for (const e of out.get(id) ?? []) {
      if (onPath.has(e.target)) return e;
      if (!done.has(e.target)) {
        const found = visit(e.target);
        if (found) return found;
      }
    }
    onPath.delete(id);
    done.add(id);
    return undefined;
  };
  return visit(start);
}
