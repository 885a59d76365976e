import { activationEmitters, activationNotes } from "./activation";
import { activationLayerEmitters, activationLayerNotes } from "./activation-layers";
import { attentionEmitters, attentionNotes } from "./attention";
import { convolutionalEmitters } from "./convolutional";
import { coreEmitters } from "./core";
import { embeddingEmitters, embeddingNotes } from "./embedding";
import { generativeEmitters, generativeNotes } from "./generative";
import { mergingEmitters } from "./merging";
import { normalizationEmitters, normalizationNotes } from "./normalization";
import { poolingEmitters } from "./pooling";
import { recurrentEmitters, recurrentNotes } from "./recurrent";
import { regularizationEmitters, regularizationNotes } from "./regularization";
import { spatialEmitters } from "./spatial";
import { transformerEmitters, transformerNotes } from "./transformer";
import type { EmitterTable, NoteTable } from "./types";
import { wrapperEmitters, wrapperNotes } from "./wrappers";

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

/**
 * What the file does differently from training, per kind (see ExportNote): each emitter module
 * states it beside its emitters, and shared/onnx/readiness.test.ts holds every claim against them.
 */
export const EMITTER_NOTES: NoteTable = {
  ...activationNotes,
  ...activationLayerNotes,
  ...regularizationNotes,
  ...normalizationNotes,
  ...recurrentNotes,
  ...wrapperNotes,
  ...embeddingNotes,
  ...attentionNotes,
  ...transformerNotes,
  ...generativeNotes,
};
