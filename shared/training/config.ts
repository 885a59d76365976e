import { z } from "zod";
import { TelemetryConfigSchema } from "./telemetry";

/**
 * The training configuration: loss, optimizer, learning-rate schedule, clipping, batches, validation,
 * metrics, early stopping, checkpoints, seed and backend. Plain JSON in the project file; the trainer
 * reads the parsed (defaulted) form. Every bound has a message that names the field, what was expected
 * and what was received ("... must be ... Received: field=value"), as the layer params do.
 */

/** "must be an integer >= 1 and <= 10", the same wording as shared/layers/params.ts. */
function num(
  fallback: number,
  b: { int?: boolean; min?: number; gt?: number; max?: number; lt?: number },
): z.ZodDefault<z.ZodNumber> {
  const bounds = [
    b.min !== undefined ? `>= ${b.min}` : b.gt !== undefined ? `> ${b.gt}` : "",
    b.max !== undefined ? `<= ${b.max}` : b.lt !== undefined ? `< ${b.lt}` : "",
  ].filter(Boolean);
  const error = `must be ${b.int ? "an integer" : "a finite number"}${bounds.length ? ` ${bounds.join(" and ")}` : ""}`;
  let s = z.number({ error });
  if (b.int) s = s.int({ error });
  if (b.min !== undefined) s = s.min(b.min, { error });
  if (b.gt !== undefined) s = s.gt(b.gt, { error });
  if (b.max !== undefined) s = s.max(b.max, { error });
  if (b.lt !== undefined) s = s.lt(b.lt, { error });
  return s.default(fallback);
}
const flag = (fallback: boolean) => z.boolean({ error: "must be true or false" }).default(fallback);
const oneOf = <const V extends string>(values: readonly [V, ...V[]], fallback: V) =>
  z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(", ")}` }).default(fallback as never);
const rate = () => num(0.9, { min: 0, lt: 1 });
const epsilon = () => num(1e-7, { gt: 0, max: 1 });
/** A tagged union whose bad or missing tag reads "must be one of ..." at `<field>.type`. */
const tagged = <const O extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  types: readonly string[],
  options: O,
) => z.discriminatedUnion("type", options, { error: `must be one of ${types.map((t) => `"${t}"`).join(", ")}` });

// ---- Loss --------------------------------------------------------------------------------------
/** Losses without options; hinge and squaredHinge turn 0/1 labels into -1/+1 (Keras does the same). */
export const PLAIN_LOSSES = [
  "meanSquaredError",
  "meanAbsoluteError",
  "meanSquaredLogarithmicError",
  "meanAbsolutePercentageError",
  "logCosh",
  "hinge",
  "squaredHinge",
  "categoricalHinge",
  "kullbackLeiblerDivergence",
  "poisson",
  "cosineSimilarity",
] as const;
/** Cross-entropies take logits (no final sigmoid/softmax) when fromLogits is true. */
export const LOGIT_LOSSES = ["binaryCrossentropy", "categoricalCrossentropy", "sparseCategoricalCrossentropy"] as const;
export const LOSS_TYPES = [...PLAIN_LOSSES, "huber", ...LOGIT_LOSSES] as const;

export const LossSchema = tagged(LOSS_TYPES, [
  z.object({ type: z.enum(PLAIN_LOSSES) }).strict(),
  z.object({ type: z.literal("huber"), delta: num(1, { gt: 0 }) }).strict(),
  z.object({ type: z.enum(LOGIT_LOSSES), fromLogits: flag(false) }).strict(),
]);

// ---- Optimizer ---------------------------------------------------------------------------------
export const OPTIMIZER_TYPES = [
  "sgd",
  "momentum",
  "nesterov",
  "adagrad",
  "adadelta",
  "rmsprop",
  "adam",
  "adamax",
  "perceptron",
] as const;

export const OptimizerSchema = tagged(OPTIMIZER_TYPES, [
  /** perceptron: W <- W + lr (y - ŷ) x per sample, i.e. SGD on half the summed squared error. */
  z.object({ type: z.enum(["sgd", "perceptron"]) }).strict(),
  z.object({ type: z.enum(["momentum", "nesterov"]), momentum: rate() }).strict(),
  z.object({ type: z.literal("adagrad"), initialAccumulatorValue: num(0.1, { min: 0 }) }).strict(),
  z.object({ type: z.literal("adadelta"), rho: num(0.95, { min: 0, lt: 1 }), epsilon: epsilon() }).strict(),
  z
    .object({
      type: z.literal("rmsprop"),
      decay: rate(),
      momentum: num(0, { min: 0, lt: 1 }),
      epsilon: epsilon(),
      centered: flag(false),
    })
    .strict(),
  z
    .object({
      type: z.enum(["adam", "adamax"]),
      beta1: rate(),
      beta2: num(0.999, { min: 0, lt: 1 }),
      epsilon: epsilon(),
    })
    .strict(),
]);

/**
 * The learning rate used when the config gives none: Keras' defaults, except adagrad (0.01) and
 * adadelta (1.0, Zeiler's rule has no rate; Keras' 0.001 barely moves) as in PyTorch, adamax 0.002
 * (Kingma & Ba) and the perceptron's 0.1 (the notes' G-21 example).
 */
export const DEFAULT_LEARNING_RATE: Record<(typeof OPTIMIZER_TYPES)[number], number> = {
  sgd: 0.01,
  momentum: 0.01,
  nesterov: 0.01,
  adagrad: 0.01,
  adadelta: 1,
  rmsprop: 0.001,
  adam: 0.001,
  adamax: 0.002,
  perceptron: 0.1,
};

// ---- Schedule and clipping ---------------------------------------------------------------------
/**
 * step drops the rate by `factor` every `dropEvery` epochs; exponential (lr·decayRate^(step/decaySteps))
 * and cosine (Keras' CosineDecay, floor alpha·lr) count optimizer steps (batches), as Keras does.
 */
export const ScheduleSchema = tagged(
  ["none", "step", "exponential", "cosine"],
  [
    z.object({ type: z.literal("none") }).strict(),
    z
      .object({
        type: z.literal("step"),
        dropEvery: num(10, { int: true, min: 1 }),
        factor: num(0.5, { gt: 0, max: 1 }),
      })
      .strict(),
    z
      .object({
        type: z.literal("exponential"),
        decayRate: num(0.96, { gt: 0, max: 1 }),
        decaySteps: num(100, { int: true, min: 1 }),
        staircase: flag(false),
      })
      .strict(),
    z
      .object({
        type: z.literal("cosine"),
        decaySteps: num(1000, { int: true, min: 1 }),
        alpha: num(0, { min: 0, max: 1 }),
      })
      .strict(),
  ],
);

/** value clips each gradient element to [-clipValue, clipValue]; norm rescales by the global L2 norm. */
export const ClippingSchema = tagged(
  ["none", "value", "norm"],
  [
    z.object({ type: z.literal("none") }).strict(),
    z.object({ type: z.literal("value"), clipValue: num(1, { gt: 0 }) }).strict(),
    z.object({ type: z.literal("norm"), clipNorm: num(1, { gt: 0 }) }).strict(),
  ],
);

export const ValidationSchema = tagged(
  ["none", "split"],
  [
    z.object({ type: z.literal("none") }).strict(),
    /** The last `fraction` of the (unshuffled) samples, as Keras' validationSplit. */
    z.object({ type: z.literal("split"), fraction: num(0.2, { gt: 0, lt: 1 }) }).strict(),
  ],
);

// ---- Metrics, callbacks, run settings ----------------------------------------------------------
/** accuracy is binary, categorical or sparse according to the loss (see accuracyKind). */
export const METRICS = ["accuracy", "precision", "recall", "mse", "mae"] as const;
export const BACKEND_PREFERENCES = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"] as const;

/** Omitted: val_loss when there is validation data, loss otherwise (filled in by the transform below). */
const monitor = z.string({ error: "must be a string" }).optional();

export const EarlyStoppingSchema = z
  .object({
    enabled: flag(false),
    monitor,
    patience: num(5, { int: true, min: 0, max: 10_000 }),
    minDelta: num(0, { min: 0 }),
    restoreBestWeights: flag(true),
  })
  .strict();

export const CheckpointsSchema = z.object({ best: flag(true), last: flag(true), monitor }).strict();

const SEED_MAX = 2 ** 32 - 1;
const seedError = `must be an integer >= 0 and <= ${SEED_MAX} (or null for a random seed)`;

const TrainingConfigObject = z
  .object({
    loss: LossSchema.default({ type: "meanSquaredError" }),
    optimizer: OptimizerSchema.default(() => OptimizerSchema.parse({ type: "adam" })),
    /** Omitted: the optimizer's DEFAULT_LEARNING_RATE. */
    learningRate: z
      .number({ error: "must be a finite number > 0 and <= 10" })
      .gt(0, { error: "must be a finite number > 0 and <= 10" })
      .max(10, { error: "must be a finite number > 0 and <= 10" })
      .optional(),
    schedule: ScheduleSchema.default({ type: "none" }),
    clipping: ClippingSchema.default({ type: "none" }),
    batchSize: num(32, { int: true, min: 1, max: 65_536 }),
    epochs: num(20, { int: true, min: 1, max: 100_000 }),
    validation: ValidationSchema.default({ type: "split", fraction: 0.2 }),
    /** Shuffle the training samples every epoch (with the run's seed). */
    shuffle: flag(true),
    metrics: z
      .array(z.enum(METRICS, { error: `must be one of ${METRICS.map((m) => `"${m}"`).join(", ")}` }), {
        error: "must be a list of metric names",
      })
      .refine((m) => new Set(m).size === m.length, { error: "must not name a metric twice" })
      .default(() => []),
    earlyStopping: EarlyStoppingSchema.default(() => EarlyStoppingSchema.parse({})),
    checkpoints: CheckpointsSchema.default(() => CheckpointsSchema.parse({})),
    /** One seed for initializers, shuffling and dropout: same seed, same backend, same loss curve. */
    seed: z
      .number({ error: seedError })
      .int({ error: seedError })
      .min(0, { error: seedError })
      .max(SEED_MAX, {
        error: seedError,
      })
      .nullable()
      .default(null),
    backend: oneOf(BACKEND_PREFERENCES, "auto"),
    /** Per-layer histograms, gradient norms and dead units, recorded per epoch (off by default). */
    telemetry: TelemetryConfigSchema.default(() => TelemetryConfigSchema.parse({})),
  })
  .strict();

/** The names early stopping and best checkpoints may watch, given the metrics and the validation. */
export function monitorNames(c: { metrics: readonly string[]; validation: { type: string } }): string[] {
  const train = ["loss", ...c.metrics];
  return c.validation.type === "none" ? train : [...train, ...train.map((m) => `val_${m}`)];
}

/** Losses and errors improve downwards, accuracy, precision and recall upwards. */
export function monitorMode(name: string): "min" | "max" {
  return /(^|_)(accuracy|precision|recall)$/.test(name) ? "max" : "min";
}

export const TrainingConfigSchema = TrainingConfigObject.superRefine((c, ctx) => {
  const allowed = monitorNames(c);
  const watched = [
    ["earlyStopping", c.earlyStopping.enabled, c.earlyStopping.monitor],
    ["checkpoints", c.checkpoints.best, c.checkpoints.monitor],
  ] as const;
  for (const [field, on, name] of watched) {
    if (!on || name === undefined || allowed.includes(name)) continue;
    const hint = name.startsWith("val_") && c.validation.type === "none" ? " (validation is off)" : "";
    ctx.addIssue({
      code: "custom",
      path: [field, "monitor"],
      input: name,
      message: `must be one of ${allowed.map((m) => `"${m}"`).join(", ")}${hint}`,
    });
  }
}).transform((c) => {
  const watch = c.validation.type === "none" ? "loss" : "val_loss";
  return {
    ...c,
    learningRate: c.learningRate ?? DEFAULT_LEARNING_RATE[c.optimizer.type],
    earlyStopping: { ...c.earlyStopping, monitor: c.earlyStopping.monitor ?? watch },
    checkpoints: { ...c.checkpoints, monitor: c.checkpoints.monitor ?? watch },
  };
});

export type TrainingConfigInput = z.input<typeof TrainingConfigSchema>;
export type TrainingConfig = z.output<typeof TrainingConfigSchema>;
export type LossConfig = z.output<typeof LossSchema>;
export type LossType = LossConfig["type"];
export type OptimizerConfig = z.output<typeof OptimizerSchema>;
export type OptimizerType = OptimizerConfig["type"];
export type ScheduleConfig = z.output<typeof ScheduleSchema>;
export type ClippingConfig = z.output<typeof ClippingSchema>;
export type ValidationConfig = z.output<typeof ValidationSchema>;
export type EarlyStoppingConfig = z.output<typeof EarlyStoppingSchema>;
export type CheckpointsConfig = z.output<typeof CheckpointsSchema>;
export type MetricName = (typeof METRICS)[number];
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export interface ConfigIssue {
  /** Dotted path of the field, e.g. "optimizer.beta1". */
  path: string;
  message: string;
}

/** Parses and defaults a config; never throws. */
export function parseTrainingConfig(
  raw: unknown,
): { ok: true; config: TrainingConfig } | { ok: false; issues: ConfigIssue[] } {
  const r = TrainingConfigSchema.safeParse(raw ?? {}, { reportInput: true });
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, issues: r.error.issues.map(issueOf) };
}

export function defaultTrainingConfig(): TrainingConfig {
  return TrainingConfigSchema.parse({});
}

function issueOf(issue: z.core.$ZodIssue): ConfigIssue {
  const path = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  const name = path || "training";
  let input = (issue as { input?: unknown }).input;
  // A bad tag is reported at <field>.type with the whole object as input: show the tag.
  if (issue.code === "invalid_union" && path.endsWith("type") && input !== null && typeof input === "object") {
    input = (input as { type?: unknown }).type;
  }
  if (issue.code === "unrecognized_keys") {
    return { path: name, message: `${name} has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}` };
  }
  return { path: name, message: `${name} ${issue.message}. Received: ${name}=${show(input)}` };
}

function show(v: unknown): string {
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  const s = v === undefined ? "undefined" : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

// ---- What the loss implies for accuracy --------------------------------------------------------
export type AccuracyKind = "binary" | "categorical" | "sparse";

/** Which accuracy (and precision/recall averaging) the loss's label format calls for. */
export function accuracyKind(loss: LossConfig): AccuracyKind {
  if (loss.type === "sparseCategoricalCrossentropy") return "sparse";
  if (["categoricalCrossentropy", "categoricalHinge", "kullbackLeiblerDivergence"].includes(loss.type)) {
    return "categorical";
  }
  return "binary";
}

/**
 * The output value above which a binary prediction counts as positive: 0 for logits and for the
 * hinge losses' signed scores, 0.5 for probabilities. Labels are positive above 0.5 (0/1) or 0 (±1).
 */
export function decisionThreshold(loss: LossConfig): { prediction: number; label: number } {
  const signed = loss.type === "hinge" || loss.type === "squaredHinge";
  const logits = "fromLogits" in loss && loss.fromLogits;
  return { prediction: signed || logits ? 0 : 0.5, label: signed ? 0 : 0.5 };
}
