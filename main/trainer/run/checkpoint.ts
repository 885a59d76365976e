import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { GAN_DISCRIMINATOR_DIR } from "../../../shared/onnx/trainer-job";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { writeFileAtomic } from "../../services/atomic-write";

/**
 * Saves a model in the tfjs layers format (model.json + weights.bin) to a folder. The plain tfjs
 * package has no file:// handler in Node (tfjs-node does), so this is the small handler both use.
 * Files are written beside the target and renamed into place (services/atomic-write), so a crash
 * never leaves half a file and a failed write (disk full) leaves no temporary file behind.
 */
export async function saveModel(
  model: tf.LayersModel,
  dir: string,
  weights?: tf.Tensor[],
  /** The 1-based epoch whose weights these are, kept so evaluation can say which it used. */
  epoch?: number,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  // The topology and weight names are the model's; the values may be other tensors (the best epoch's).
  const values = weights ?? model.weights.map((w) => w.read());
  const named = model.weights.map((w, i) => ({ name: w.originalName, tensor: values[i] }));
  const { data, specs } = await tf.io.encodeWeights(named);
  const modelJson = {
    format: "layers-model",
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: "NetForge",
    modelTopology: model.toJSON(null, false),
    weightsManifest: [{ paths: ["weights.bin"], weights: specs }],
    ...(epoch !== undefined ? { netforge: { epoch } } : {}),
  };
  await writeFileAtomic(join(dir, "weights.bin"), toBytes(data));
  await writeFileAtomic(join(dir, "model.json"), JSON.stringify(modelJson));
}

function toBytes(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), offset);
    offset += p.byteLength;
  }
  return out;
}

/** Loads a model saved by saveModel (custom NetForge layers must be registered: import them first). */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  const { readFile } = await import("node:fs/promises");
  const json = JSON.parse(await readFile(join(dir, "model.json"), "utf8"));
  const weights = await readFile(join(dir, "weights.bin"));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  );
}

/**
 * The last checkpoint of runs whose loops do not checkpoint per epoch (perceptron rule, GAN). A
 * GAN's discriminator goes into the checkpoint's GAN_DISCRIMINATOR_DIR, so the generator stays what
 * predict and evaluate load, and export --discriminator finds both halves' weights.
 */
export async function saveFinal(
  req: { runId: string; runDir?: string },
  model: tf.LayersModel,
  epochs: number,
  post: (m: TrainerMessage) => void,
  discriminator?: tf.LayersModel,
): Promise<void> {
  if (!req.runDir) return;
  const path = join(req.runDir, "checkpoints", "last");
  if (discriminator) await saveModel(discriminator, join(path, GAN_DISCRIMINATOR_DIR));
  await saveModel(model, path, undefined, epochs);
  post({ type: "checkpoint", runId: req.runId, kind: "last", epoch: Math.max(epochs - 1, 0), path });
}
