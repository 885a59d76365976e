import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import { GraphSchema } from "../../../shared/ir/graph";
import { formatShape } from "../../../shared/shapes/shape";
import type { Compiled } from "../compile/compile";
import { DataError } from "./data";
import type { GanModels } from "./gan";

/** The generator and discriminator marker node ids, when the graph is a GAN. */
export function ganMarkers(graph: unknown): { generator: string; discriminator: string } | null {
  const parsed = GraphSchema.safeParse(graph);
  if (!parsed.success) return null;
  const find = (kind: string) => parsed.data.nodes.find((n) => n.kind === kind)?.id;
  const generator = find("GANGenerator");
  const discriminator = find("GANDiscriminator");
  return generator && discriminator ? { generator, discriminator } : null;
}

/** The marker params the GAN loop needs. */
export function ganOptions(models: GanModels): { fromLogits: boolean; samplesPerEpoch: number } {
  const d = models.discriminator.analysis.nodes[models.discriminator.outputs[0]].params as { fromLogits?: boolean };
  const g = models.generator.analysis.nodes[models.generator.outputs[0]].params as { samplesPerEpoch?: number };
  return { fromLogits: d.fromLogits ?? false, samplesPerEpoch: g.samplesPerEpoch ?? 16 };
}

/** The real samples the discriminator sees: the dataset's x, shaped like the discriminator's Input. */
export function realSamples(data: InlineDataset, discriminator: Compiled): tf.Tensor {
  const input = discriminator.analysis.nodes[discriminator.inputs[0]];
  const shape = input.outputShapes?.[0] ?? [];
  const x = tf.tensor(data.x as number[]);
  const got = x.shape.slice(1);
  if (got.length !== shape.length || shape.some((d, i) => d !== null && d !== got[i])) {
    x.dispose();
    throw new DataError(
      `x (real samples for the discriminator's Input "${input.id}"): expected samples of shape ${formatShape(shape)}; received ${formatShape(got)}`,
    );
  }
  return x;
}
