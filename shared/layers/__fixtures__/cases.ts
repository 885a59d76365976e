import type { LayerKind } from "../catalog";
import { activationLayerCases } from "./activation-layers.cases";
import { attentionCases } from "./attention.cases";
import type { LayerCase } from "./case";
import { convolutionalCases } from "./convolutional.cases";
import { coreCases } from "./core.cases";
import { embeddingCases } from "./embedding.cases";
import { generativeCases } from "./generative.cases";
import { mergingCases } from "./merging.cases";
import { normalizationCases } from "./normalization.cases";
import { poolingCases } from "./pooling.cases";
import { recurrentCases } from "./recurrent.cases";
import { regularizationCases } from "./regularization.cases";
import { spatialCases } from "./spatial.cases";
import { transformerCases } from "./transformer.cases";
import { wrapperCases } from "./wrappers.cases";

/**
 * The example table of every layer kind. Typed as an exhaustive record, so a new kind without
 * examples does not compile; shared by the catalog, compiler and ONNX conformance suites.
 */
export const LAYER_CASES: Record<LayerKind, LayerCase[]> = {
  ...coreCases,
  ...activationLayerCases,
  ...regularizationCases,
  ...convolutionalCases,
  ...spatialCases,
  ...poolingCases,
  ...normalizationCases,
  ...recurrentCases,
  ...wrapperCases,
  ...embeddingCases,
  ...attentionCases,
  ...transformerCases,
  ...mergingCases,
  ...generativeCases,
};
