import { z } from "zod";

/**
 * Branded identifiers: mixing a node id with an edge id or a run id is a type error
 * (tldraw's RecordId<R> pattern). Ids are short readable strings, stable once created.
 */
const idPattern = /^[A-Za-z0-9_.:-]+$/;
const idSchema = (what: string) =>
  z
    .string()
    .min(1, { error: `${what} must not be empty` })
    .max(128, { error: `${what} must be at most 128 characters` })
    .regex(idPattern, {
      error: `${what} may contain only letters, digits and _ . : -`,
    });

export const NodeIdSchema = idSchema("node id").brand<"NodeId">();
export const EdgeIdSchema = idSchema("edge id").brand<"EdgeId">();
export const RunIdSchema = idSchema("run id").brand<"RunId">();
export const GroupIdSchema = idSchema("group id").brand<"GroupId">();
export type NodeId = z.infer<typeof NodeIdSchema>;
export type EdgeId = z.infer<typeof EdgeIdSchema>;
export type RunId = z.infer<typeof RunIdSchema>;
export type GroupId = z.infer<typeof GroupIdSchema>;

export const asNodeId = (s: string) => s as NodeId;
export const asEdgeId = (s: string) => s as EdgeId;
export const asRunId = (s: string) => s as RunId;
export const asGroupId = (s: string) => s as GroupId;

/** conv2d_1, max_pooling2d_1, lstm_1: readable ids named as Keras names layers, unique within `taken`. */
export function nextNodeId(kind: string, taken: Iterable<string>): NodeId {
  // Keras' to_snake_case: split before capitalised words, then between a lower and an upper letter.
  const base = kind
    .replace(/(.)([A-Z][a-z]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
  const used = new Set(taken);
  let i = 1;
  while (used.has(`${base}_${i}`)) i++;
  return asNodeId(`${base}_${i}`);
}

export function nextEdgeId(taken: Iterable<string>): EdgeId {
  const used = new Set(taken);
  let i = 1;
  while (used.has(`e${i}`)) i++;
  return asEdgeId(`e${i}`);
}
