import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DataSource, DatasetSpec } from "../../../shared/datasets/spec";
import { formatShape } from "../../../shared/shapes/shape";
import { encodeTable, readTable } from "../../data/table/index";
import type { Compiled } from "../compile/compile";
import { loadArrays } from "./arrays";
import { DataError } from "./data";
import type { GanModels } from "./gan";

export { ganMarkers } from "../../../shared/ir/gan";

/** The marker params the GAN loop needs. */
export function ganOptions(models: GanModels): { fromLogits: boolean; samplesPerEpoch: number } {
  const d = models.discriminator.analysis.nodes[models.discriminator.outputs[0]].params as { fromLogits?: boolean };
  const g = models.generator.analysis.nodes[models.generator.outputs[0]].params as { samplesPerEpoch?: number };
  return { fromLogits: d.fromLogits ?? false, samplesPerEpoch: g.samplesPerEpoch ?? 16 };
}

/** The real samples the discriminator sees: the dataset's x, shaped like the discriminator's Input. */
export async function realSamples(data: InlineDataset | DatasetSpec, discriminator: Compiled): Promise<tf.Tensor> {
  const input = discriminator.analysis.nodes[discriminator.inputs[0]];
  const shape = input.outputShapes?.[0] ?? [];
  const source: DataSource = "kind" in data ? data : data.source;
  let x: tf.Tensor;
  if (source.kind === "inline") {
    x = tf.tensor(source.x as number[]);
  } else {
    const a = await realArrays(source);
    x = tf.tidy(() => tf.tensor(a.x, a.xShape, a.x instanceof Float32Array ? "float32" : "int32").toFloat());
  }
  const got = x.shape.slice(1);
  if (got.length !== shape.length || shape.some((d, i) => d !== null && d !== got[i])) {
    x.dispose();
    throw new DataError(
      "E_DATA_SHAPE",
      `x (real samples for the discriminator's Input "${input.id}"): expected samples of shape ${formatShape(shape)}; received ${formatShape(got)}`,
    );
  }
  return x;
}

/**
 * A file's real samples. A table is read without a label unless its spec names one: every column
 * (the last one too) is part of a sample, encoded and normalized as training tables are, fitted on
 * all rows (a GAN holds none out).
 */
export async function realArrays(
  source: Exclude<DataSource, { kind: "inline" }>,
): Promise<{ x: Float32Array | Int32Array | Uint8Array; xShape: number[] }> {
  if (source.kind !== "table") return loadArrays(source);
  const table = encodeTable(await readTable(source, { unlabeled: true }));
  return { x: table.features, xShape: table.shape };
}
