import { activationEmitters } from "./activation";
import { activationLayerEmitters } from "./activation-layers";
import { attentionEmitters } from "./attention";
import { convolutionalEmitters } from "./convolutional";
import { coreEmitters } from "./core";
import { embeddingEmitters } from "./embedding";
import { generativeEmitters } from "./generative";
import { mergingEmitters } from "./merging";
import { normalizationEmitters } from "./normalization";
import { poolingEmitters } from "./pooling";
import { recurrentEmitters } from "./recurrent";
import { regularizationEmitters } from "./regularization";
import { spatialEmitters } from "./spatial";
import { transformerEmitters } from "./transformer";
import type { EmitterTable } from "./types";
import { wrapperEmitters } from "./wrappers";

/**
 * Every layer kind's ONNX emitter, one module per family, keyed like the tfjs BUILDERS
 * (main/trainer/compile/builders/index.ts) and, like them, exhaustive: a kind added to the catalog
 * without an emitter is a compile error.
 */
export const EMITTERS: EmitterTable = {
  ...coreEmitters,
  ...activationEmitters,
  ...activationLayerEmitters,
  ...regularizationEmitters,
  ...convolutionalEmitters,
  ...spatialEmitters,
  ...poolingEmitters,
  ...normalizationEmitters,
  ...mergingEmitters,
  ...recurrentEmitters,
  ...wrapperEmitters,
  ...embeddingEmitters,
  ...attentionEmitters,
  ...transformerEmitters,
  ...generativeEmitters,
};
