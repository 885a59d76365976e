import { z } from "zod";
import { EdgeIdSchema, NodeIdSchema } from "./ids";

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

export const GraphSchema = z
  .object({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
  })
  .strict();

export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type Graph = z.infer<typeof GraphSchema>;

export function emptyGraph(): Graph {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] };
}
