import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { GAN_DISCRIMINATOR_DIR } from "../../../shared/onnx/trainer-job";
import { formatShape } from "../../../shared/shapes/shape";
import type { Compiled } from "../compile/compile";

/** A checkpoint that does not fit the graph being exported; the message says what is missing. */
export class CheckpointError extends Error {
  readonly code = "E_EXPORT_CHECKPOINT";
}

/**
 * Writes a checkpoint's weights (tfjs layers format, as main/trainer/run/checkpoint.ts saves it)
 * into a model compiled from the same graph, by weight name: the layer names are the node ids, so
 * the names agree whenever the graph does, and a mismatch is reported rather than guessed around.
 */
export async function loadCheckpointWeights(compiled: Compiled, dir: string): Promise<void> {
  const saved = await readWeights(dir);
  // A GAN checkpoint keeps its discriminator beside the generator (run/checkpoint.ts saveFinal).
  const other = join(dir, GAN_DISCRIMINATOR_DIR);
  if (await stat(join(other, "model.json")).catch(() => null)) Object.assign(saved, await readWeights(other));
  try {
    for (const w of compiled.model.weights) {
      const t = saved[w.originalName];
      if (!t) {
        throw new CheckpointError(
          `the checkpoint in ${dir} has no weight "${w.originalName}" (it holds ${Object.keys(saved).length} weights: ${Object.keys(saved).slice(0, 6).join(", ")}${Object.keys(saved).length > 6 ? ", ..." : ""}); was it saved from this graph?`,
        );
      }
      if (t.shape.join() !== w.shape.join()) {
        throw new CheckpointError(
          `the checkpoint's weight "${w.originalName}" has shape ${formatShape(t.shape)}; the graph's has ${formatShape(w.shape as number[])}`,
        );
      }
      w.write(t);
    }
  } finally {
    tf.dispose(Object.values(saved));
  }
}

async function readWeights(dir: string): Promise<tf.NamedTensorMap> {
  const read = (name: string) =>
    readFile(join(dir, name)).catch(() => {
      throw new CheckpointError(`no checkpoint in ${dir}: cannot read ${name}`);
    });
  const json = JSON.parse((await read("model.json")).toString("utf8"));
  const bin = await read("weights.bin");
  const specs = (json.weightsManifest ?? []).flatMap((g: { weights: tf.io.WeightsManifestEntry[] }) => g.weights);
  return tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), specs);
}
