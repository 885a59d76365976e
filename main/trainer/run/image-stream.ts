import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { ImageFolderSource } from "../../../shared/datasets/sources/image-folder";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import { stableStringify } from "../../../shared/ir/serialize";
import { formatShape } from "../../../shared/shapes/shape";
import { accuracyKind, type TrainingConfig } from "../../../shared/training/config";
import { DataError } from "../../data/errors";
import { type BadImages, fitChannelStats, imageBatches } from "../../data/image-folder/batches";
import { channelsOf } from "../../data/image-folder/decode";
import { scanImageFolder } from "../../data/image-folder/scan";
import { writeFileAtomic } from "../../services/atomic-write";
import type { Compiled } from "../compile/compile";
import type { Batch, BatchStream } from "./batches";

/**
 * An image folder trains from a stream: images are decoded (and augmented, training only) batch
 * by batch, so a folder of any size never sits in memory. The split is computed on the file list
 * (stratified by class folder); channel statistics are fitted on training images only.
 */
export async function imageFolderStream(
  source: ImageFolderSource,
  spec: DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
): Promise<BatchStream> {
  const index = await scanImageFolder(source.path);
  const input = compiled.analysis.nodes[compiled.inputs[0]];
  const output = compiled.analysis.nodes[compiled.outputs[0]];
  const shape = [...source.targetSize, channelsOf(source.color)];
  const want = input.outputShapes?.[0] ?? [];
  if (want.length !== 3 || want.some((d, i) => d !== null && d !== shape[i])) {
    throw new DataError(
      "E_DATA_SHAPE",
      `the images load as ${formatShape(shape)} (targetSize and color), but the Input "${input.id}" expects ${formatShape(want)}`,
    );
  }
  const classes = output.outputShapes?.[0]?.at(-1) ?? 1;
  const kind = accuracyKind(config.loss);
  if (kind !== "binary" && index.classNames.length > classes) {
    throw new DataError(
      "E_DATA_TARGETS",
      `the folder has ${index.classNames.length} classes, but the output "${output.id}" has ${classes} units`,
    );
  }
  const parts = splitIndices(index.files.length, spec.split, index.labels);
  const train = config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  const validation = config.validation.type === "none" ? [] : parts.validation;
  const bad: BadImages = new Map();
  const stats =
    source.scale === "standardize"
      ? await fitChannelStats(index, source, { indices: train, seed: spec.split.seed, bad })
      : undefined;
  if (runDir) {
    await writeFileAtomic(
      join(runDir, "preprocessing.json"),
      stableStringify({ kind: "imageFolder", classNames: index.classNames, shape, stats: stats ?? null }),
    );
  }
  const toTensors = async function* (
    it: AsyncIterable<{ x: Float32Array; y: Int32Array; shape: number[] }>,
  ): AsyncIterable<Batch> {
    for await (const b of it) {
      yield tf.tidy(() => {
        const y = tf.tensor1d(b.y, "int32");
        const target =
          kind === "sparse"
            ? y
            : kind === "categorical"
              ? tf.oneHot(y, classes).toFloat()
              : y.toFloat().reshape([-1, 1]);
        return { x: tf.tensor(b.x, b.shape), y: target };
      });
    }
  };
  const batchSize = config.batchSize;
  return {
    n: train.length,
    batchesPerEpoch: Math.ceil(train.length / batchSize),
    train: (epoch) =>
      toTensors(
        imageBatches(index, source, {
          indices: train,
          batchSize,
          shuffle: config.shuffle,
          seed: spec.split.seed,
          epoch,
          augment: true,
          stats,
          bad,
        }),
      ),
    validation:
      validation.length > 0
        ? () => toTensors(imageBatches(index, source, { indices: validation, batchSize, shuffle: false, stats, bad }))
        : null,
    skipped: () => bad.size,
    dispose: () => {},
  };
}
