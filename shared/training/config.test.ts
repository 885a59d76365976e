import { describe, expect, it } from "vitest";
import {
  accuracyKind,
  DEFAULT_LEARNING_RATE,
  decisionThreshold,
  defaultTrainingConfig,
  LOSS_TYPES,
  monitorMode,
  OPTIMIZER_TYPES,
  parseTrainingConfig,
} from "./config";

/** The messages of a config that must fail. */
function issues(raw: unknown): string[] {
  const r = parseTrainingConfig(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return r.issues.map((i) => i.message);
}

describe("training config defaults", () => {
  it("an empty config parses to defaults that train a typical model", () => {
    const c = defaultTrainingConfig();
    expect(c.loss).toEqual({ type: "meanSquaredError" });
    expect(c.optimizer).toEqual({ type: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(c.learningRate).toBe(0.001);
    expect(c).toMatchObject({
      batchSize: 32,
      epochs: 20,
      shuffle: true,
      seed: null,
      backend: "auto",
      schedule: { type: "none" },
      clipping: { type: "none" },
      validation: { type: "split", fraction: 0.2 },
      earlyStopping: { enabled: false, monitor: "val_loss", patience: 5, minDelta: 0, restoreBestWeights: true },
      checkpoints: { best: true, last: true, monitor: "val_loss" },
      metrics: [],
    });
    // The parsed defaults are themselves a valid input (a saved project round-trips).
    expect(parseTrainingConfig(JSON.parse(JSON.stringify(c)))).toEqual({ ok: true, config: c });
  });

  it("fills each kind's own defaults and the optimizer's learning rate", () => {
    for (const type of OPTIMIZER_TYPES) {
      const r = parseTrainingConfig({ optimizer: { type } });
      expect(r.ok && r.config.learningRate).toBe(DEFAULT_LEARNING_RATE[type]);
    }
    for (const type of LOSS_TYPES) expect(parseTrainingConfig({ loss: { type } }).ok).toBe(true);
    const r = parseTrainingConfig({
      loss: { type: "huber" },
      optimizer: { type: "rmsprop", centered: true },
      learningRate: 0.05,
      schedule: { type: "cosine" },
      clipping: { type: "norm" },
    });
    expect(r.ok && r.config).toMatchObject({
      loss: { type: "huber", delta: 1 },
      optimizer: { type: "rmsprop", decay: 0.9, momentum: 0, epsilon: 1e-7, centered: true },
      learningRate: 0.05,
      schedule: { type: "cosine", decaySteps: 1000, alpha: 0 },
      clipping: { type: "norm", clipNorm: 1 },
    });
  });

  it("defaults are fresh objects, not shared between parses", () => {
    const a = defaultTrainingConfig();
    a.metrics.push("mae");
    a.earlyStopping.patience = 99;
    const b = defaultTrainingConfig();
    expect(b.metrics).toEqual([]);
    expect(b.earlyStopping.patience).toBe(5);
  });
});

describe("training config messages name the field, the expectation and the value", () => {
  it.each([
    [{ learningRate: 0 }, "learningRate must be a finite number > 0 and <= 10. Received: learningRate=0"],
    [{ learningRate: Number.NaN }, "learningRate must be a finite number > 0 and <= 10. Received: learningRate=NaN"],
    [{ batchSize: 0 }, "batchSize must be an integer >= 1 and <= 65536. Received: batchSize=0"],
    [{ batchSize: 2.5 }, "batchSize must be an integer >= 1 and <= 65536. Received: batchSize=2.5"],
    [{ epochs: "10" }, 'epochs must be an integer >= 1 and <= 100000. Received: epochs="10"'],
    [
      { optimizer: { type: "adam", beta1: 1 } },
      "optimizer.beta1 must be a finite number >= 0 and < 1. Received: optimizer.beta1=1",
    ],
    [
      { optimizer: { type: "adamw" } },
      'optimizer.type must be one of "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam", "adamax", "perceptron". Received: optimizer.type="adamw"',
    ],
    [
      { optimizer: { type: "adagrad", initialAccumulatorValue: -1 } },
      "optimizer.initialAccumulatorValue must be a finite number >= 0. Received: optimizer.initialAccumulatorValue=-1",
    ],
    [{ loss: { type: "huber", delta: 0 } }, "loss.delta must be a finite number > 0. Received: loss.delta=0"],
    [{ loss: { type: "mse" } }, 'loss.type must be one of "meanSquaredError",'],
    [{ loss: { type: "hinge", fromLogits: true } }, 'loss has unknown field(s) "fromLogits"'],
    [
      { schedule: { type: "step", factor: 2 } },
      "schedule.factor must be a finite number > 0 and <= 1. Received: schedule.factor=2",
    ],
    [
      { clipping: { type: "norm", clipNorm: -1 } },
      "clipping.clipNorm must be a finite number > 0. Received: clipping.clipNorm=-1",
    ],
    [
      { validation: { type: "split", fraction: 1 } },
      "validation.fraction must be a finite number > 0 and < 1. Received: validation.fraction=1",
    ],
    [
      { metrics: ["accuracy", "f1"] },
      'metrics[1] must be one of "accuracy", "precision", "recall", "mse", "mae". Received: metrics[1]="f1"',
    ],
    [{ metrics: ["mae", "mae"] }, 'metrics must not name a metric twice. Received: metrics=["mae","mae"]'],
    [{ seed: -1 }, "seed must be an integer >= 0 and <= 4294967295 (or null for a random seed). Received: seed=-1"],
    [
      { backend: "webgl" },
      'backend must be one of "auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu". Received: backend="webgl"',
    ],
    [
      { earlyStopping: { patience: -1 } },
      "earlyStopping.patience must be an integer >= 0 and <= 10000. Received: earlyStopping.patience=-1",
    ],
    [{ lr: 0.1 }, 'training has unknown field(s) "lr"'],
  ])("%j", (raw, message) => {
    expect(issues(raw).join("\n")).toContain(message);
  });

  it("early stopping and best checkpoints watch a logged quantity", () => {
    expect(
      issues({
        validation: { type: "none" },
        earlyStopping: { enabled: true, monitor: "val_loss" },
        checkpoints: { best: false },
      }),
    ).toEqual([
      'earlyStopping.monitor must be one of "loss" (validation is off). Received: earlyStopping.monitor="val_loss"',
    ]);
    expect(issues({ metrics: ["mae"], checkpoints: { monitor: "val_accuracy" } })).toEqual([
      'checkpoints.monitor must be one of "loss", "mae", "val_loss", "val_mae". Received: checkpoints.monitor="val_accuracy"',
    ]);
    // An omitted monitor follows the validation setting: val_loss with validation data, loss without.
    const noVal = parseTrainingConfig({ validation: { type: "none" }, earlyStopping: { enabled: true } });
    expect(noVal.ok && [noVal.config.earlyStopping.monitor, noVal.config.checkpoints.monitor]).toEqual([
      "loss",
      "loss",
    ]);
    const withVal = parseTrainingConfig({});
    expect(withVal.ok && withVal.config.earlyStopping.monitor).toBe("val_loss");
    // Disabled watchers are not checked (the UI keeps their values while they are off).
    expect(parseTrainingConfig({ validation: { type: "none" }, checkpoints: { best: false } }).ok).toBe(true);
    expect(
      parseTrainingConfig({ metrics: ["accuracy"], earlyStopping: { enabled: true, monitor: "val_accuracy" } }).ok,
    ).toBe(true);
  });
});

describe("what the loss implies", () => {
  it("picks the accuracy from the label format", () => {
    expect(accuracyKind({ type: "sparseCategoricalCrossentropy", fromLogits: false })).toBe("sparse");
    expect(accuracyKind({ type: "categoricalCrossentropy", fromLogits: true })).toBe("categorical");
    expect(accuracyKind({ type: "categoricalHinge" })).toBe("categorical");
    expect(accuracyKind({ type: "binaryCrossentropy", fromLogits: false })).toBe("binary");
    expect(accuracyKind({ type: "meanSquaredError" })).toBe("binary");
  });

  it("thresholds logits and hinge scores at 0, probabilities at 0.5", () => {
    expect(decisionThreshold({ type: "binaryCrossentropy", fromLogits: false })).toEqual({
      prediction: 0.5,
      label: 0.5,
    });
    expect(decisionThreshold({ type: "binaryCrossentropy", fromLogits: true })).toEqual({ prediction: 0, label: 0.5 });
    expect(decisionThreshold({ type: "hinge" })).toEqual({ prediction: 0, label: 0 });
  });

  it("monitors improve in the right direction", () => {
    expect(monitorMode("val_loss")).toBe("min");
    expect(monitorMode("mae")).toBe("min");
    expect(monitorMode("val_accuracy")).toBe("max");
    expect(monitorMode("recall")).toBe("max");
  });
});
