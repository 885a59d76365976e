import * as tf from "@tensorflow/tfjs";
import { DataError } from "../../data/errors";
import type { Compiled } from "../compile/compile";
import type { PreparedData } from "./data";

/** The Embeddings that read an Input's token ids directly, with their table sizes. */
function embeddingsOf(compiled: Compiled, inputId: string): { id: string; inputDim: number }[] {
  return Object.values(compiled.analysis.nodes)
    .filter((n) => n.kind === "Embedding" && n.inputRefs.some((r) => r.source === inputId))
    .map((n) => ({ id: n.id, inputDim: (n.params as { inputDim: number }).inputDim }));
}

/**
 * Token ids must index an Embedding's table: an id >= inputDim fails in the middle of training on
 * the CPU backends ("GatherV2: the index value 20 is not in [0, 19]") and reads zeros on GPUs. The
 * data step knows how many ids its data can hold (a vocabulary's size, or the largest id plus one)
 * and refuses before the first batch, with the size to set.
 */
export function checkVocabulary(compiled: Compiled, inputId: string, size: number, what: string): void {
  for (const e of embeddingsOf(compiled, inputId)) {
    if (size > e.inputDim) {
      throw new DataError(
        "E_DATA_VOCABULARY",
        `${what} has ${size} token ids (0 to ${size - 1}), but Embedding "${e.id}" has inputDim ${e.inputDim}, so ids from ${e.inputDim} on have no row; set inputDim to ${size} or more`,
      );
    }
  }
}

/** In-memory data of any source: the largest id fed to each Input that an Embedding reads. */
export function checkTokenIds(compiled: Compiled, data: PreparedData): void {
  const list = (x: tf.Tensor | tf.Tensor[]) => (Array.isArray(x) ? x : [x]);
  compiled.inputs.forEach((inputId, i) => {
    if (embeddingsOf(compiled, inputId).length === 0) return;
    const parts = [list(data.x)[i], ...(data.validation ? [list(data.validation.x)[i]] : [])];
    const largest = Math.max(...parts.map((t) => (t.size ? tf.tidy(() => t.max().dataSync()[0]) : -1)));
    const source = `the data fed to the Input "${inputId}"`;
    if (largest >= 0) checkVocabulary(compiled, inputId, Math.floor(largest) + 1, source);
  });
}
