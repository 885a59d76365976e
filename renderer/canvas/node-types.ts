import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { BlockNode, FrameNode } from "./GroupNode";
import { LayerNode } from "./LayerNode";
import { ShapeEdge } from "./ShapeEdge";

/**
 * Module-level and therefore stable: React Flow re-mounts every node when these maps change
 * identity (its error002), so they are never built inside a component.
 */
export const nodeTypes: NodeTypes = { layer: LayerNode, block: BlockNode, frame: FrameNode };
export const edgeTypes: EdgeTypes = { shape: ShapeEdge };
