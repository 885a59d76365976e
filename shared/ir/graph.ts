import { z } from "zod";
import { EdgeIdSchema, GroupIdSchema, NodeIdSchema } from "./ids";

/**
 * The graph IR: plain, versioned JSON and the single source of truth. Nothing derived (shapes,
 * diagnostics, param counts) is stored; the canvas, trainer and exporter compute it.
 */
export const GRAPH_FORMAT = "netforge.graph";
export const GRAPH_VERSION = 1;

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

export const GraphNodeSchema = z
  .object({
    id: NodeIdSchema,
    /** A layer kind from the catalog (Keras class name); unknown kinds are a diagnostic, not a parse error. */
    kind: z.string().min(1, { error: "kind must not be empty" }),
    name: z.string().max(200).optional(),
    /** Validated per kind by the catalog, so that one bad param never makes the whole file unreadable. */
    // looseObject rather than record: same meaning, several times faster on 1,000-node graphs.
    params: z.looseObject({}).default({}),
    position: PositionSchema.optional(),
    /** Hand-set starting weights for teaching examples, flattened row-major, keyed by weight name. */
    initialWeights: z.record(z.string(), z.array(z.number().finite())).optional(),
    /** Id of the composite block (an entry of `groups`) the node belongs to; editor-only, ignored by training. */
    group: GroupIdSchema.optional(),
  })
  .strict();

export const GraphEdgeSchema = z
  .object({
    id: EdgeIdSchema,
    source: NodeIdSchema,
    /** Output port of the source; omitted means its first output. */
    sourcePort: z.string().min(1).optional(),
    target: NodeIdSchema,
    /** Input port of the target. Several edges into a variadic port keep their order in this list. */
    targetPort: z.string().min(1),
  })
  .strict();

/**
 * A named composite block: a view over its member nodes (those whose `group` is its id). The layers
 * stay ordinary nodes, so training and export never see groups; collapsing only changes the canvas.
 */
export const GraphGroupSchema = z
  .object({
    id: GroupIdSchema,
    name: z.string().min(1, { error: "group name must not be empty" }).max(200),
    collapsed: z.boolean(),
  })
  .strict();

export const GraphSchema = z
  .object({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    /** Optional so that files written before groups existed stay valid version 1 documents. */
    groups: z.array(GraphGroupSchema).optional(),
  })
  .strict()
  .superRefine((graph, ctx) => {
    if (!graph.groups && !graph.nodes.some((n) => n.group !== undefined)) return;
    const ids = new Set<string>();
    for (const [i, g] of (graph.groups ?? []).entries()) {
      if (ids.has(g.id)) {
        ctx.addIssue({ code: "custom", path: ["groups", i, "id"], message: `group id "${g.id}" is used twice` });
      }
      ids.add(g.id);
    }
    for (const [i, n] of graph.nodes.entries()) {
      if (n.group !== undefined && !ids.has(n.group)) {
        const known = ids.size ? [...ids].map((id) => `"${id}"`).join(", ") : "none";
        ctx.addIssue({
          code: "custom",
          path: ["nodes", i, "group"],
          message: `node "${n.id}" names group "${n.group}", which is not in groups; expected one of ${known}`,
        });
      }
    }
  });

export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type GraphGroup = z.infer<typeof GraphGroupSchema>;
export type Graph = z.infer<typeof GraphSchema>;

export function emptyGraph(): Graph {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] };
}
