import * as tf from "@tensorflow/tfjs";
import { INITIALIZERS, type InitializerName } from "../../../shared/layers/initializers";
import type { Regularizer } from "../../../shared/layers/params";
import { fastOrthogonal } from "../layers/orthogonal-initializer";

/**
 * Spec params -> tfjs constructor options for initializers and regularizers. The tables live in
 * shared/ (INITIALIZERS[name].tfjs); this only turns them into tfjs objects.
 */
// tfjs resolves its own identifiers ('glorotUniform', 'randomNormal', ...) with their default args.
type InitializerIdentifier = Parameters<typeof tf.layers.dense>[0]["kernelInitializer"];

export function initializer(name: InitializerName): InitializerIdentifier {
  // tfjs' own orthogonal initializer takes seconds per recurrent kernel; see FastOrthogonal.
  if (name === "orthogonal") return fastOrthogonal() as never;
  const t = INITIALIZERS[name].tfjs;
  return typeof t === "string" ? (t as InitializerIdentifier) : tf.initializers.varianceScaling(t.config);
}

export function regularizer(r: Regularizer | null): ReturnType<typeof tf.regularizers.l1l2> | undefined {
  if (r === null || (r.l1 === 0 && r.l2 === 0)) return undefined;
  return tf.regularizers.l1l2({ l1: r.l1, l2: r.l2 });
}

/**
 * The weight options every Dense-like and Conv-like builder passes to tfjs. No activity regularizer:
 * tfjs 4.22 throws when a layer with one is applied, so compileGraph appends NetForge's
 * ActivityRegularization layer after any node whose params set one.
 */
export function weightOptions(p: {
  useBias: boolean;
  kernelInitializer: InitializerName;
  biasInitializer: InitializerName;
  kernelRegularizer: Regularizer | null;
  biasRegularizer: Regularizer | null;
}) {
  return {
    useBias: p.useBias,
    kernelInitializer: initializer(p.kernelInitializer),
    biasInitializer: initializer(p.biasInitializer),
    kernelRegularizer: regularizer(p.kernelRegularizer),
    biasRegularizer: regularizer(p.biasRegularizer),
  };
}
