import * as tf from "@tensorflow/tfjs";
import { ioFailure } from "../../shared/api/io-errors";
import type { EvaluateOptions } from "../../shared/evaluation/request";
import { codedMessage, describeIssues, type TrainerRequest, TrainerRequestSchema } from "../../shared/trainer/protocol";
import { gradCheckProject } from "./check/model-gradcheck";
import { overfitProject } from "./check/overfit";
import { runExportJob } from "./export/job";
import type { Port } from "./port";
import { loadModel } from "./run/checkpoint";
import { evaluateRun } from "./run/evaluate";
import { type EvalModel, modelFromRunDir, modelInMemory } from "./run/evaluate-model";
import { predictSamples } from "./run/evaluate-predict";
import { type RunHandle, startRun } from "./run/fit";
import { predictModel } from "./run/infer";
import { insideModel } from "./run/inside";
import { runStepThrough } from "./step/run-step";

/** Models of finished runs kept for predict/evaluate; older ones are disposed. */
const KEEP_MODELS = 4;

/**
 * Dispatches validated requests: one training run at a time, plus predict/evaluate/export on the
 * models of recent runs. A malformed request gets an `error` reply, never a crash.
 */
export class TrainerSession {
  private active: RunHandle | null = null;
  private readonly models = new Map<string, RunHandle>();
  /** The start request of each remembered run: its graph, data and folder, for evaluate and try-it. */
  private readonly starts = new Map<string, Extract<TrainerRequest, { type: "start" }>>();

  constructor(private readonly port: Port) {}

  async handle(raw: unknown): Promise<void> {
    const parsed = TrainerRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const runId = typeof (raw as { runId?: unknown })?.runId === "string" ? (raw as { runId: string }).runId : null;
      this.port.post({
        type: "error",
        runId,
        code: "E_BAD_REQUEST",
        message: `malformed trainer request: ${describeIssues(parsed.error)}`,
      });
      return;
    }
    const req = parsed.data;
    try {
      await this.dispatch(req);
    } catch (error) {
      const requestId = "requestId" in req ? req.requestId : undefined;
      this.port.post({
        type: "error",
        runId: req.runId,
        ...(requestId ? { requestId } : {}),
        ...(ioFailure(error, `${req.type} failed`) ?? codedMessage(error, "E_TRAINER")),
      });
    }
  }

  private async dispatch(req: TrainerRequest): Promise<void> {
    switch (req.type) {
      case "start": {
        if (this.active)
          throw Object.assign(new Error(`run "${this.active.runId}" is still training; stop it first`), {
            code: "E_BUSY",
          });
        const run = startRun(req, (m) => this.port.post(m));
        this.active = run;
        this.remember(run);
        this.rememberStart(req);
        await run.finished;
        if (this.active === run) this.active = null;
        return;
      }
      case "stop":
        return this.runFor(req.runId).stop();
      case "pause":
        return this.runFor(req.runId).pause();
      case "resume":
        return this.runFor(req.runId).resume();
      case "predict": {
        if (req.samples) {
          const samples = req.samples;
          const value = await this.withModel(req, (m) => predictSamples(m, samples));
          this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value });
          return;
        }
        const model = req.modelDir ? await loadModel(req.modelDir) : this.modelFor(req.runId);
        const value = predictModel(model, req.x ?? []);
        if (req.modelDir) model.dispose();
        this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value });
        return;
      }
      case "evaluate": {
        const value = await this.withModel(req, (m) => evaluateRun(m, req));
        this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value });
        return;
      }
      case "inside": {
        const value = await this.withModel(req, (m) => insideModel(m, req));
        this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value });
        return;
      }
      case "exportWeights": {
        const model = this.modelFor(req.runId);
        const value = model.weights.map((w) => ({
          name: w.originalName,
          shape: w.shape,
          values: Array.from(w.read().dataSync()),
        }));
        this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value });
        return;
      }
      case "export":
        this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value: await runExportJob(req) });
        return;
      case "stepThrough":
        this.port.post({
          type: "result",
          runId: req.runId,
          requestId: req.requestId,
          value: await runStepThrough(req),
        });
        return;
      case "gradcheck":
      case "overfit": {
        if (this.active)
          throw Object.assign(new Error(`run "${this.active.runId}" is training; checks run when it has finished`), {
            code: "E_BUSY",
          });
        const value =
          req.type === "gradcheck"
            ? await gradCheckProject(req, req.samples, req.modelDir)
            : await overfitProject(req, { samples: req.samples, maxSteps: req.maxSteps });
        this.port.post({ type: "result", runId: req.runId, requestId: req.requestId, value });
        return;
      }
      case "shutdown":
        this.active?.stop();
        for (const run of this.models.values()) run.dispose();
        tf.disposeVariables();
        process.exit(0);
    }
  }

  /** A saved run's model (runDir given) or the run's model in memory, disposed after use if loaded. */
  private async withModel<T>(
    req: { runId: string; runDir?: string; checkpoint?: "best" | "last"; runData?: EvaluateOptions["runData"] },
    use: (m: EvalModel) => Promise<T>,
  ): Promise<T> {
    const m = req.runDir
      ? await modelFromRunDir(req.runDir, req)
      : modelInMemory(this.runFor(req.runId), this.starts.get(req.runId));
    try {
      return await use(m);
    } finally {
      m.dispose();
    }
  }

  private rememberStart(req: Extract<TrainerRequest, { type: "start" }>): void {
    this.starts.set(req.runId, req);
    for (const runId of this.starts.keys()) if (!this.models.has(runId)) this.starts.delete(runId);
  }

  private runFor(runId: string): RunHandle {
    const run = this.models.get(runId);
    if (!run) throw Object.assign(new Error(`no run "${runId}" in this trainer`), { code: "E_NO_RUN" });
    return run;
  }

  private modelFor(runId: string): tf.LayersModel {
    const model = this.runFor(runId).model;
    if (!model) throw Object.assign(new Error(`run "${runId}" has no trained model yet`), { code: "E_NO_MODEL" });
    return model;
  }

  private remember(run: RunHandle): void {
    this.models.set(run.runId, run);
    while (this.models.size > KEEP_MODELS) {
      const [oldest, handle] = this.models.entries().next().value as [string, RunHandle];
      if (handle === this.active) break;
      handle.dispose();
      this.models.delete(oldest);
    }
  }
}
