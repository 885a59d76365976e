import { useMemo } from "react";
import {
  DEFAULT_LEARNING_RATE,
  monitorNames,
  type OptimizerType,
  parseTrainingConfig,
  TrainingConfigSchema,
} from "../../../shared/training/config";
import { GAN_LOSSES, GAN_UNUSED_SETTINGS, isGanGraph } from "../../../shared/training/gan-losses";
import { sameLoss, suggestLoss } from "../../../shared/training/loss-suggest";
import { useEditor } from "../../state/editor-context";
import { useAnalysis, useDoc } from "../../state/hooks";
import { type FormMeta, SchemaForm } from "../common/SchemaForm";
import { formModel, humanize } from "../common/schema-model";
import { useProbe } from "../common/session";
import { editSetting, FOLLOWING, withoutFollowing } from "./settings-edit";
import { useEffectiveTraining } from "./use-settings";
import { ValidationWarnings } from "./ValidationWarnings";

/** Built once: the form follows the schema, not the other way round. */
const MODEL = formModel(TrainingConfigSchema);

const LABELS: Record<string, string> = {
  loss: "Loss",
  optimizer: "Optimizer",
  learningRate: "Learning rate",
  schedule: "LR schedule",
  clipping: "Gradient clipping",
  batchSize: "Batch size",
  validation: "Validation",
  earlyStopping: "Early stopping",
  checkpoints: "Checkpoints",
  "validation.fraction": "Fraction",
  "earlyStopping.enabled": "Enabled",
  "checkpoints.best": "Keep best",
  "checkpoints.last": "Keep last",
  minDelta: "Min. improvement",
  restoreBestWeights: "Restore best",
  fromLogits: "From logits",
  beta1: "β₁",
  beta2: "β₂",
  epsilon: "ε",
  rho: "ρ",
  initialAccumulatorValue: "Initial accumulator",
  dropEvery: "Drop every (epochs)",
  decaySteps: "Decay steps",
  decayRate: "Decay rate",
  clipValue: "Clip value",
  clipNorm: "Clip norm",
  telemetry: "Layer telemetry",
  "telemetry.enabled": "Record per-layer telemetry",
  "telemetry.explodingNorm": "Exploding above norm",
};

const HINTS: Record<string, string> = {
  learningRate: "Step size of each update; empty uses the optimizer's usual default.",
  validation:
    "The one validation setting (the Data tab shows it). Files: a stratified, seeded part of the samples; inline samples: the last fraction (Keras' validationSplit). 'none' trains on every sample.",
  seed: "Same seed, same backend: the same loss curve. Empty picks a random seed per run.",
  backend: "Which engine the trainer uses; auto picks the fastest that loads.",
  metrics:
    "Reported every epoch next to the loss. Training: running averages over the epoch's batches, in training mode like the loss (as Keras reports them; dropout and batch statistics on). Validation: the whole validation set after the epoch, in inference mode. Padding steps of sequence targets count in neither.",
  "earlyStopping.patience": "Epochs without improvement before stopping.",
  shuffle: "Reshuffle the training samples every epoch (with the seed).",
  telemetry:
    "Per epoch: histograms of each layer's weights, activations and gradients, gradient norms and dead ReLU units, shown under the curves and by `netforge inspect`. Costs at most about 5% of the training time.",
};

const OPTION_LABELS: Record<string, string> = {
  meanSquaredError: "Mean squared error",
  meanAbsoluteError: "Mean absolute error",
  meanSquaredLogarithmicError: "Mean squared log error",
  meanAbsolutePercentageError: "Mean absolute % error",
  logCosh: "Log-cosh",
  hinge: "Hinge",
  squaredHinge: "Squared hinge",
  categoricalHinge: "Categorical hinge",
  kullbackLeiblerDivergence: "KL divergence",
  poisson: "Poisson",
  cosineSimilarity: "Cosine similarity",
  huber: "Huber",
  binaryCrossentropy: "Binary cross-entropy",
  categoricalCrossentropy: "Categorical cross-entropy",
  sparseCategoricalCrossentropy: "Sparse categorical cross-entropy",
  sgd: "SGD",
  momentum: "SGD + momentum",
  nesterov: "Nesterov",
  adagrad: "Adagrad",
  adadelta: "Adadelta",
  rmsprop: "RMSprop",
  adam: "Adam",
  adamax: "Adamax",
  perceptron: "Perceptron rule",
  none: "none",
  auto: "auto",
};

/**
 * The training settings, generated from the training config schema, edited in the document
 * (each change one undo step), with the problems parsing reports shown at their fields and a
 * loss suggested from the output block and the bound data.
 */
export function TrainSettings({ disabled }: { disabled: boolean }) {
  const editor = useEditor();
  const own = useDoc((s) => s.project.training);
  // The form shows (and parses) what a run gets: the project's settings over the model's defaults.
  const training = useEffectiveTraining();
  const graph = useAnalysis((s) => s.graph);
  const summary = useProbe((s) => s.summary);
  const parsed = useMemo(() => parseTrainingConfig(training), [training]);
  const suggestion = useMemo(() => suggestLoss(graph, summary), [graph, summary]);
  const gan = useMemo(() => isGanGraph(graph), [graph]);

  const issues = useMemo(() => {
    const out: Record<string, string> = {};
    if (!parsed.ok) for (const i of parsed.issues) out[i.path] ??= i.message;
    return out;
  }, [parsed]);

  const meta = useMemo((): FormMeta => {
    const optimizer = ((training.optimizer as { type?: string } | undefined)?.type ?? "adam") as OptimizerType;
    const config = parsed.ok
      ? parsed.config
      : {
          metrics: Array.isArray(training.metrics) ? (training.metrics as string[]) : [],
          validation: { type: "split" },
        };
    const monitors = monitorNames(config);
    return {
      labels: LABELS,
      hints: HINTS,
      optionLabels: OPTION_LABELS,
      choices: { "earlyStopping.monitor": monitors, "checkpoints.monitor": monitors },
      // A GAN's loop has its own two losses and reports only them: a choice here would change nothing.
      hidden: gan ? GAN_UNUSED_SETTINGS : undefined,
      placeholders: {
        learningRate: `${DEFAULT_LEARNING_RATE[optimizer] ?? ""} (default)`,
        "earlyStopping.monitor": `${config.validation.type === "none" ? "loss" : "val_loss"} (default)`,
        "checkpoints.monitor": `${config.validation.type === "none" ? "loss" : "val_loss"} (default)`,
      },
    };
  }, [training, parsed, gan]);

  const onChange = (path: readonly string[], value: unknown) => {
    editor.edit(`training: ${path.join(".")}`, (p) => ({
      ...p,
      training: editSetting(p.training, training, path, value),
    }));
  };
  const customized = FOLLOWING.filter((k) => k in own);
  const useSuggested = suggestion && !sameLoss(training.loss, suggestion.loss);

  return (
    <section className="card settings-card" aria-label="Training settings">
      <header className="card-header">
        <h3>Settings</h3>
      </header>
      {gan && (
        <section className="suggestion applied" aria-label="GAN losses">
          <div>
            Losses: <strong>Binary cross-entropy</strong>, two of them
            <ul className="gan-losses">
              {GAN_LOSSES.map((l) => (
                <li key={l.name}>
                  <code>{l.name}</code> <span className="muted">{l.text}</span>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      {!gan && suggestion && (
        <div className={`suggestion${useSuggested ? "" : " applied"}`}>
          <span>
            {useSuggested ? "Suggested loss: " : "Loss fits the model: "}
            <strong>{OPTION_LABELS[suggestion.loss.type] ?? suggestion.loss.type}</strong>
            {"fromLogits" in suggestion.loss && suggestion.loss.fromLogits ? " (from logits)" : ""}
            <span className="muted"> · {suggestion.reason}</span>
          </span>
          {useSuggested && (
            <button
              type="button"
              className="button small"
              disabled={disabled}
              onClick={() => onChange(["loss"], suggestion.loss)}
            >
              Use it
            </button>
          )}
        </div>
      )}
      <div className="defaults-note">
        <span className="muted small">
          {customized.length === 0
            ? "Loss, metrics, optimizer, learning rate and epochs follow the model and the data."
            : `Set by this project: ${customized.map((k) => LABELS[k] ?? humanize(k)).join(", ")}.`}
        </span>
        {customized.length > 0 && (
          <button
            type="button"
            className="button small ghost"
            disabled={disabled}
            onClick={() =>
              editor.edit("training: model defaults", (p) => ({ ...p, training: withoutFollowing(p.training) }))
            }
          >
            Use the model's defaults
          </button>
        )}
      </div>
      <SchemaForm model={MODEL} value={training} onChange={onChange} issues={issues} meta={meta} disabled={disabled} />
      <ValidationWarnings />
    </section>
  );
}
