import type { BuilderTable } from "../types";
import { activationLayerBuilders } from "./activation-layers";
import { attentionBuilders } from "./attention";
import { convolutionalBuilders } from "./convolutional";
import { coreBuilders } from "./core";
import { embeddingBuilders } from "./embedding";
import { generativeBuilders } from "./generative";
import { mergingBuilders } from "./merging";
import { normalizationBuilders } from "./normalization";
import { poolingBuilders } from "./pooling";
import { recurrentBuilders } from "./recurrent";
import { regularizationBuilders } from "./regularization";
import { reshapingBuilders } from "./reshaping";
import { spatialBuilders } from "./spatial";
import { transformerBuilders } from "./transformer";
import { wrapperBuilders } from "./wrappers";

/**
 * Every layer kind's tfjs builder, one module per family. Typed as the exhaustive BuilderTable,
 * so a kind added to the catalog without a builder is a compile error.
 */
export const BUILDERS: BuilderTable = {
  ...coreBuilders,
  ...reshapingBuilders,
  ...activationLayerBuilders,
  ...regularizationBuilders,
  ...mergingBuilders,
  ...convolutionalBuilders,
  ...spatialBuilders,
  ...poolingBuilders,
  ...recurrentBuilders,
  ...wrapperBuilders,
  ...normalizationBuilders,
  ...embeddingBuilders,
  ...attentionBuilders,
  ...transformerBuilders,
  ...generativeBuilders,
};
