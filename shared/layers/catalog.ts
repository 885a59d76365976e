import { activationLayers } from "./activation-layers";
import { attentionLayers } from "./attention";
import { convolutionalLayers } from "./convolutional";
import { coreLayers } from "./core";
import { embeddingLayers } from "./embedding";
import { generativeLayers } from "./generative";
import { mergingLayers } from "./merging";
import { normalizationLayers } from "./normalization";
import { poolingLayers } from "./pooling";
import { recurrentLayers } from "./recurrent";
import { regularizationLayers } from "./regularization";
import { spatialLayers } from "./spatial";
import type { AnyLayerSpec, SpecContext } from "./spec";
import { transformerLayers } from "./transformer";
import { wrapperLayers } from "./wrappers";

/** Every layer NetForge knows, in palette order. Builders and emitters are keyed by `LayerKind`. */
export const LAYERS = [
  ...coreLayers,
  ...activationLayers,
  ...regularizationLayers,
  ...convolutionalLayers,
  ...spatialLayers,
  ...poolingLayers,
  ...normalizationLayers,
  ...recurrentLayers,
  ...wrapperLayers,
  ...embeddingLayers,
  ...attentionLayers,
  ...transformerLayers,
  ...mergingLayers,
  ...generativeLayers,
] as const;

export type LayerKind = (typeof LAYERS)[number]["kind"];

const byKind: ReadonlyMap<string, AnyLayerSpec> = new Map(LAYERS.map((s) => [s.kind, s as AnyLayerSpec]));

export const LAYER_KINDS = LAYERS.map((s) => s.kind) as readonly LayerKind[];

export function getSpec(kind: string): AnyLayerSpec | undefined {
  return byKind.get(kind);
}

export function isLayerKind(kind: string): kind is LayerKind {
  return byKind.has(kind);
}

export const specContext: SpecContext = { lookup: getSpec };
