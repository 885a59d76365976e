import { readFileSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { DatasetSpecSchema } from "../../../shared/datasets/spec";
import { sequential } from "../../../shared/ir/builder";
import { FASHION_MNIST_CLASSES } from "../../data/idx/fashion-mnist";
import type { TrainerClient } from "../../services/trainer-client";

/**
 * bench:export's image case: a trained run of a ~10-million-parameter conv + dense net on IDX
 * images (Fashion-MNIST, uint8 pixels), so the export puts the image preprocessing (cast, / 255,
 * the fitted standardization) in front of the network and verifies on raw pixels read from the
 * files. The run trains one epoch on a few hundred images: the export's cost is the model's size,
 * not the data's.
 */

const DATASET = join(import.meta.dirname, "../../../resources/datasets/fashion-mnist-subset");

/** 26x26x32 conv features into 462 units: 21,632 x 462 + the rest = 10.0M parameters. */
export const imageGraph = sequential(
  [28, 28, 1],
  ["Conv2D", { filters: 32, kernelSize: 3, activation: "relu" }],
  ["Flatten", {}],
  ["Dense", { units: 462, activation: "relu" }],
  ["Dense", { units: 10, activation: "softmax" }],
);
export const IMAGE_PARAMS = 3 * 3 * 32 + 32 + 26 * 26 * 32 * 462 + 462 + 462 * 10 + 10;

/** The first `n` records of an IDX file pair, written gzipped as the dataset ships (header kept, count changed). */
function idxSubset(dir: string, n: number): { images: string; labels: string } {
  const cut = (file: string, header: number, per: number, out: string) => {
    const all = gunzipSync(readFileSync(join(DATASET, file)));
    const part = Buffer.from(all.subarray(0, header + n * per));
    part.writeUInt32BE(n, 4);
    return { out: join(dir, out), bytes: gzipSync(part) };
  };
  const images = cut("train-images-idx3-ubyte.gz", 16, 28 * 28, "images-idx3-ubyte.gz");
  const labels = cut("train-labels-idx1-ubyte.gz", 8, 1, "labels-idx1-ubyte.gz");
  // Synchronous on purpose: the bench's setup, before anything is timed.
  for (const f of [images, labels]) writeFileSync(f.out, f.bytes);
  return { images: images.out, labels: labels.out };
}

/** Trains the image run into `<dir>/image-run` and returns the run folder. */
export async function trainImageRun(trainer: TrainerClient, dir: string, images: number): Promise<string> {
  const runDir = join(dir, "image-run");
  await mkdir(runDir, { recursive: true });
  const source = {
    kind: "idx" as const,
    ...idxSubset(dir, images),
    scale: "unit" as const,
    classNames: [...FASHION_MNIST_CLASSES],
  };
  const data = DatasetSpecSchema.parse({ source, split: { seed: 1, test: 0 } });
  const training = {
    epochs: 1,
    batchSize: 64,
    loss: { type: "sparseCategoricalCrossentropy" },
    seed: 1,
    validation: { type: "split", fraction: 0.25 },
  };
  const graph = imageGraph;
  await writeFile(
    join(runDir, "run.json"),
    JSON.stringify({ runId: "bench-image", name: "Conv 10M", graph, training, data: { spec: data } }),
  );
  trainer.send({ type: "start", runId: "bench-image", graph, training, data, runDir });
  const end = await trainer.waitForEnd("bench-image");
  if (end.type === "error") throw new Error(`training the image run failed: ${end.code} ${end.message}`);
  return runDir;
}
