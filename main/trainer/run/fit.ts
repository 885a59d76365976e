import { appendFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { ioFailure } from "../../../shared/api/io-errors";
import { mulberry32, permutation } from "../../../shared/random";
import { codedMessage, type TrainerMessage, type TrainerRequest } from "../../../shared/trainer/protocol";
import { parseTrainingConfig, type TrainingConfig } from "../../../shared/training/config";
import { type Compiled, compileGraph } from "../compile/compile";
import { createOptimizer, disposeOptimizer, setLearningRate } from "../train/optimizers";
import { learningRateAt } from "../train/schedule";
import { scoring } from "../train/scoring";
import { trainStep } from "../train/step";
import { type BatchStream, sampleCount, tensorBatches } from "./batches";
import { BestTracker, effectiveMonitor } from "./best";
import { boundaryReporter } from "./boundary-reporter";
import { saveFinal } from "./checkpoint";
import { Checkpointer } from "./checkpointer";
import type { PreparedData } from "./data";
import { prepareDataset } from "./dataset";
import { divergedMessage, finiteMessage, nonFiniteLoss } from "./divergence";
import { epochScores } from "./epoch-scores";
import { ganMarkers } from "./gan-data";
import { runGan } from "./gan-run";
import { perceptronLayer, trainPerceptron } from "./perceptron";
import { guardCompile, RunError } from "./run-error";
import { TelemetryRecorder } from "./telemetry-recorder";
import { throttleLatest } from "./throttle";
import { assertTrainable } from "./trainable";
import { checkTokenIds } from "./vocabulary";

type Start = Extract<TrainerRequest, { type: "start" }>;
type Post = (m: TrainerMessage) => void;

export interface RunHandle {
  runId: string;
  /** The trained model, once compiled; kept for predict/evaluate/export until disposed. */
  model: tf.LayersModel | null;
  compiled: Compiled | null;
  config: TrainingConfig | null;
  finished: Promise<void>;
  stop(): void;
  pause(): void;
  resume(): void;
  dispose(): void;
}

/**
 * One training run: compile, prepare data, then a custom loop (tfjs' fit has no clipping, no
 * schedules and no perceptron rule). Control returns to the event loop after every batch, so a
 * stop or pause request takes effect within one batch.
 */
export function startRun(req: Start, postRaw: Post): RunHandle {
  const post: Post = (m) => postRaw(finiteMessage(m));
  let stopRequested = false;
  const counters = { step: 0, stepAtStop: -1 };
  let paused: { promise: Promise<void>; resolve: () => void } | null = null;
  let compiled: Compiled | null = null;
  const handle: RunHandle = {
    runId: req.runId,
    model: null,
    compiled: null,
    config: null,
    finished: Promise.resolve(),
    stop: () => {
      if (!stopRequested) counters.stepAtStop = counters.step;
      stopRequested = true;
      paused?.resolve();
    },
    pause: () => {
      if (!paused) {
        let resolve = () => {};
        const promise = new Promise<void>((r) => (resolve = r));
        paused = { promise, resolve };
      }
    },
    resume: () => {
      paused?.resolve();
      paused = null;
    },
    dispose: () => compiled?.model.dispose(),
  };
  const control = {
    stopped: () => stopRequested,
    waitIfPaused: async () => {
      while (paused && !stopRequested) await paused.promise;
    },
  };
  handle.finished = (async () => {
    try {
      const parsed = parseTrainingConfig(req.training);
      if (!parsed.ok)
        throw new RunError("E_CONFIG", `training settings: ${parsed.issues.map((i) => i.message).join("; ")}`);
      const config = parsed.config;
      handle.config = config;
      // Seeded runs replace Math.random, which tfjs uses to seed initializers and dropout when no
      // explicit seed is given: same seed, same backend, same curve. The trainer process is ours.
      if (config.seed !== null) Math.random = mulberry32(config.seed);
      const gan = ganMarkers(req.graph);
      if (gan) {
        await runGan(req, gan, config, post, control, counters, (generator) => {
          compiled = generator;
          handle.model = generator.model;
          handle.compiled = generator;
        });
        return;
      }
      compiled = guardCompile(() => compileGraph(req.graph));
      assertTrainable(compiled);
      handle.model = compiled.model;
      handle.compiled = compiled;
      const data = await prepareDataset(req.data, compiled, config, req.runDir);
      try {
        if (!("train" in data)) checkTokenIds(compiled, data);
        let end: Awaited<ReturnType<typeof train>>;
        if (config.optimizer.type === "perceptron") {
          const layer = perceptronLayer(compiled);
          if (typeof layer === "string") throw new RunError("E_CONFIG", layer);
          if ("train" in data)
            throw new RunError(
              "E_CONFIG",
              "the perceptron rule trains on tables and inline data, not on streamed image folders",
            );
          if (Array.isArray(data.x))
            throw new RunError("E_CONFIG", "the perceptron rule trains a model with one Input, not several");
          const perceptronBoundary = boundaryReporter(data, config, { ...req, post }, layer);
          end = await trainPerceptron(
            layer,
            compiled.model,
            data,
            config,
            { runId: req.runId, post, boundary: perceptronBoundary },
            control,
            counters,
          );
          await perceptronBoundary?.finish();
          await saveFinal(req, compiled.model, end.epochs, post);
        } else {
          end = await train(req, compiled, data, config, post, control, counters);
        }
        post({ type: "done", runId: req.runId, steps: counters.step, ...end });
      } finally {
        data.dispose();
      }
    } catch (error) {
      // A file the run could not write (disk full, ...) is E_IO with the reason in words.
      const io = ioFailure(error, "training stopped: a run file could not be written");
      post({ type: "error", runId: req.runId, ...(io ?? codedMessage(error, "E_TRAINER")) });
    }
  })();
  return handle;
}

interface Control {
  stopped(): boolean;
  waitIfPaused(): Promise<void>;
}

async function train(
  req: Start,
  compiled: Compiled,
  data: PreparedData | BatchStream,
  config: TrainingConfig,
  post: Post,
  control: Control,
  counters: { step: number; stepAtStop: number },
): Promise<Omit<Extract<TrainerMessage, { type: "done" }>, "type" | "runId" | "steps">> {
  const stream = "train" in data ? data : null;
  const { model } = compiled;
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const score = scoring(config, (data as PreparedData).paddingClass);
  const random = mulberry32(config.seed ?? Math.floor(Math.random() * 2 ** 32));
  const batchesPerEpoch = stream ? stream.batchesPerEpoch : Math.ceil(data.n / config.batchSize);
  const progress = throttleLatest<TrainerMessage>(post, 100);
  const hasVal = data.validation !== null;
  const memory = stream ? null : (data as PreparedData);
  const es = config.earlyStopping;
  const early = new BestTracker(effectiveMonitor(es.monitor, hasVal), es.minDelta, es.enabled && es.restoreBestWeights);
  const checkpoints = new Checkpointer(
    req.runDir,
    config.checkpoints,
    effectiveMonitor(config.checkpoints.monitor, hasVal),
    post,
    req.runId,
  );
  const boundary = memory ? boundaryReporter(memory, config, { ...req, post }) : null;
  const telemetry = config.telemetry.enabled
    ? new TelemetryRecorder(model, score.loss, config.telemetry, config.epochs, req.runId, req.runDir, post)
    : null;
  let epoch = 0;
  let lastMetrics: Record<string, number | null> = {};
  let currentLr = config.learningRate;
  try {
    if (req.runDir) await mkdir(req.runDir, { recursive: true });
    for (epoch = 0; epoch < config.epochs; epoch++) {
      const started = Date.now();
      telemetry?.epochStart(epoch);
      const order = config.shuffle ? permutation(data.n, random) : Int32Array.from({ length: data.n }, (_, i) => i);
      const batches = stream
        ? stream.train(epoch)
        : tensorBatches((data as PreparedData).x, (data as PreparedData).y, order, config.batchSize);
      let lossSum = 0;
      const running = score.metrics();
      let seen = 0;
      let b = -1;
      for await (const batch of batches) {
        b++;
        const lr = learningRateAt(config.learningRate, config.schedule, { epoch, step: counters.step });
        if (lr !== currentLr) {
          currentLr = lr;
          setLearningRate(optimizer, lr);
        }
        const result = trainStep(model, optimizer, batch.x, batch.y, {
          loss: score.loss,
          clipping: config.clipping,
          observe: (targets, predictions) => running.update(targets[0], predictions[0]),
        });
        const value = result.applied ? result.loss : Number.NaN;
        const size = sampleCount(batch.x);
        telemetry?.capture(batch.x, batch.y);
        tf.dispose([batch.x, batch.y]);
        counters.step++;
        if (!Number.isFinite(value)) {
          return {
            reason: "diverged",
            epochs: epoch + 1,
            metrics: lastMetrics,
            message: divergedMessage("the loss", value, `at epoch ${epoch + 1}, batch ${b + 1}`, currentLr),
          };
        }
        lossSum += value * size;
        seen += size;
        progress.push({
          type: "progress",
          runId: req.runId,
          epoch,
          batch: b + 1,
          batchesPerEpoch,
          loss: value,
          samplesPerSecond: seen / Math.max((Date.now() - started) / 1000, 1e-3),
        });
        await new Promise((r) => setImmediate(r)); // let stop/pause messages in
        await control.waitIfPaused();
        if (control.stopped()) {
          progress.flush();
          return {
            reason: "stopped",
            epochs: epoch,
            metrics: lastMetrics,
            message: `stopped during epoch ${epoch + 1}: stop requested after step ${counters.stepAtStop}, training ended after step ${counters.step}`,
          };
        }
      }
      progress.flush();
      const metrics = await epochScores(model, { lossSum, seen, running: running.values() }, { memory, stream }, score);
      lastMetrics = metrics;
      post({
        type: "epoch",
        runId: req.runId,
        epoch,
        epochs: config.epochs,
        metrics,
        durationMs: Date.now() - started,
      });
      await telemetry?.epochEnd(epoch);
      if (req.runDir)
        await appendFile(join(req.runDir, "metrics.jsonl"), `${JSON.stringify({ epoch: epoch + 1, ...metrics })}\n`);
      await boundary?.epochEnd(model, epoch, epoch === config.epochs - 1);
      // Batches can all stay finite while the weights grow until the predictions overflow float32:
      // an infinite validation loss ends the run here, before the next batch turns the loss NaN.
      const blownUp = nonFiniteLoss(metrics);
      if (blownUp)
        return {
          reason: "diverged",
          epochs: epoch + 1,
          metrics,
          message: divergedMessage(blownUp.name, blownUp.value, `at the end of epoch ${epoch + 1}`, currentLr),
        };
      await checkpoints.epochEnd(model, epoch, metrics);
      early.update(metrics, epoch, model);
      if (es.enabled && epoch - early.epoch > es.patience) {
        if (early.weights) model.setWeights(early.weights);
        return {
          reason: "early-stopped",
          epochs: epoch + 1,
          metrics: lastMetrics,
          message: `${early.monitor} did not improve for ${es.patience} epoch(s); best ${early.value} at epoch ${early.epoch + 1}${early.weights ? " (its weights were restored)" : ""}`,
        };
      }
    }
    return { reason: "completed", epochs: config.epochs, metrics: lastMetrics };
  } finally {
    await checkpoints.finish(model, Math.min(epoch, config.epochs - 1));
    await boundary?.finish();
    early.dispose();
    telemetry?.dispose();
    disposeOptimizer(optimizer);
  }
}
