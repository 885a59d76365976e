import * as tf from "@tensorflow/tfjs";
import {
  STEP_DETAIL_MAX_PARAMS,
  type StepLayer,
  type StepThroughResult,
} from "../../../shared/api/schemas/step-through";
import type { TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import type { LossFn } from "../train/losses";
import { createOptimizer, disposeOptimizer } from "../train/optimizers";
import { activationFormula, layerFormula, lossFormula, optimizerFormula } from "./formulas";
import { outputsOf, type Recorded, runLayers } from "./layer-graph";
import { viewOf } from "./tensor-view";

/**
 * One forward and backward pass of a compiled model on one sample, keeping every number: each
 * layer's pre-activation and output with dL/d(it), each weight with dL/dw, and the weight after one
 * step of the project's optimizer, taken on copies so the model itself is left as it was.
 *
 * dL/d(intermediate) comes from the same tape as dL/dw: each kept tensor gets a zero variable added
 * (y + 0 = y), and the gradient with respect to that variable is the gradient with respect to y.
 */
export function stepThrough(
  compiled: Compiled,
  x: tf.Tensor[],
  y: tf.Tensor[],
  loss: LossFn,
  config: TrainingConfig,
  sampleIndex: number | null,
): StepThroughResult {
  const { model } = compiled;
  const paramCount = model.countParams();
  const detailed = paramCount <= STEP_DETAIL_MAX_PARAMS;
  const taps = new Map<string, tf.Variable>();
  // First pass: the shape of every kept tensor, so that its zero variable can exist before the tape
  // (trainable: variableGrads skips frozen variables).
  tf.tidy(() => {
    runLayers(model, x, (key, t) => {
      taps.set(key, tf.variable(tf.zerosLike(t), true));
      return t;
    });
  });
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const tapList = [...taps.values()];
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  // variableGrads frees what its function creates; the intermediates are kept until read.
  const kept: tf.Tensor[] = [];
  const keep = (t: tf.Tensor) => {
    kept.push(tf.keep(t));
    return t;
  };
  try {
    let result: StepThroughResult | undefined;
    tf.tidy(() => {
      let recorded: Recorded[] = [];
      const { value, grads } = tf.variableGrads(() => {
        recorded = runLayers(model, x, (key, t) => keep(tf.add(t, taps.get(key) as tf.Variable)));
        const predictions = outputsOf(model, recorded);
        const data = tf.addN(predictions.map((p, i) => loss(y[i], p)));
        const penalties = model.calculateLosses();
        return (penalties.length ? tf.add(data, tf.addN(penalties)) : data) as tf.Scalar;
      }, [...weights, ...tapList]);
      const updated = updatedWeights(optimizer, weights, grads);
      const view = (t: tf.Tensor) => viewOf(t, detailed);
      const tapGrad = (key: string) => view(grads[(taps.get(key) as tf.Variable).name]);
      const layers = recorded.map((r): StepLayer => {
        const nodeId = nodeOf(compiled, r.layer);
        const node = compiled.analysis.nodes[nodeId];
        const specNames = weightNames(compiled, nodeId, r.layer);
        const activation = activationFormula(node?.params ?? null);
        return {
          nodeId,
          layer: r.layer.name,
          kind: node?.kind ?? r.layer.getClassName(),
          formula: layerFormula(node?.kind ?? ""),
          ...(activation ? { activation } : {}),
          ...(r.pre ? { pre: { value: view(r.pre), grad: tapGrad(`${r.layer.name}:pre`) } } : {}),
          outputs: r.outputs.map((t, i) => ({ value: view(t), grad: tapGrad(`${r.layer.name}:${i}`) })),
          weights: r.layer.weights.map((w, i) => {
            const v = w.read() as tf.Variable;
            const g = w.trainable ? grads[v.name] : undefined;
            const u = updated.get(v.name);
            return {
              name: specNames[i] ?? w.originalName,
              trainable: w.trainable,
              value: view(v),
              ...(g ? { grad: view(g) } : {}),
              ...(u ? { updated: view(u) } : {}),
            };
          }),
        };
      });
      result = {
        detailed,
        paramCount,
        sampleIndex,
        inputs: x.map(view),
        targets: y.map(view),
        loss: { value: value.dataSync()[0], name: config.loss.type, formula: lossFormula(config.loss) },
        optimizer: {
          name: config.optimizer.type,
          learningRate: config.learningRate,
          formula: optimizerFormula(config.optimizer),
        },
        layers,
      };
    });
    return result as StepThroughResult;
  } finally {
    disposeOptimizer(optimizer);
    tf.dispose([...tapList, ...kept]);
  }
}

/** One optimizer step on copies of the weights: the model's own weights do not move. */
function updatedWeights(optimizer: tf.Optimizer, weights: tf.Variable[], grads: tf.NamedTensorMap) {
  const copies = weights.map((w) => tf.variable(w.clone(), true));
  try {
    optimizer.applyGradients(Object.fromEntries(copies.map((c, i) => [c.name, grads[weights[i].name]])));
    return new Map(weights.map((w, i) => [w.name, copies[i].clone()]));
  } finally {
    for (const c of copies) c.dispose();
  }
}

function nodeOf(compiled: Compiled, layer: tf.layers.Layer): string {
  for (const [id, layers] of compiled.layersByNode) if (layers.includes(layer)) return id;
  return layer.name;
}

/** The spec's names for a layer's weights: the node's weights follow its layers' in order (verify.ts). */
function weightNames(compiled: Compiled, nodeId: string, layer: tf.layers.Layer): string[] {
  const layers = compiled.layersByNode.get(nodeId) ?? [];
  const before = layers.slice(0, layers.indexOf(layer)).reduce((n, l) => n + l.weights.length, 0);
  const spec = compiled.analysis.nodes[nodeId]?.weights ?? [];
  return spec.slice(before, before + layer.weights.length).map((w) => w.name);
}
