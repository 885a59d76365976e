import { activationEmitters } from "./activation";
import { convolutionalEmitters } from "./convolutional";
import { coreEmitters } from "./core";
import { mergingEmitters } from "./merging";
import { normalizationEmitters } from "./normalization";
import { poolingEmitters } from "./pooling";
import { regularizationEmitters } from "./regularization";
import type { EmitterTable } from "./types";

/**
 * Every layer kind's ONNX emitter, one module per family, keyed like the tfjs BUILDERS
 * (main/trainer/compile/builders/index.ts). Kinds not listed yet make export fail with
 * UnsupportedLayerError, naming the kind.
 */
export const EMITTERS: EmitterTable = {
  ...coreEmitters,
  ...activationEmitters,
  ...regularizationEmitters,
  ...convolutionalEmitters,
  ...poolingEmitters,
  ...normalizationEmitters,
  ...mergingEmitters,
};
