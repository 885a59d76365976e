import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventName, EventOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { Project } from "../../shared/ir/project";
import { main as cli } from "../cli/index";
import { createHost, type Host } from "./host";

/**
 * Training through the host with the real trainer process (wasm backend): runs stored as the CLI
 * stores them, events forwarded, controls, and a trainer killed mid-run.
 */
let host: Host;
let dir: string;
const events: { event: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "netforge-training-"));
  host = createHost({
    mode: "browser",
    browseRoots: [dir],
    configDir: mkdtempSync(join(tmpdir(), "netforge-config-")),
    backend: "wasm",
  });
  host.events.onAny((event, payload) => events.push({ event, payload }));
  await host.call("fs.openFolder", { path: dir });
}, 60_000);
afterAll(() => host.close());

function next<E extends EventName>(event: E, match: (p: EventOf<E>) => boolean = () => true): Promise<EventOf<E>> {
  return new Promise((resolve) => {
    const off = host.events.on(event, (p) => {
      if (match(p)) {
        off();
        resolve(p);
      }
    });
  });
}

async function template(id: string, training: Record<string, unknown> = {}): Promise<Project> {
  const { project } = await host.call("projects.new", { template: id });
  return { ...project, training: { ...project.training, ...training } };
}

async function saved(id: string, name: string, training: Record<string, unknown> = {}) {
  const project = await template(id, training);
  const path = join(dir, `${name}.netforge.json`);
  await host.call("projects.save", { path, project });
  return { project, path };
}

const lossesOf = (r: { history: Record<string, number | null>[] }) => r.history.map((h) => h.loss as number);

const ofRun = (runId: string, event: EventName) =>
  events.filter((e) => e.event === event && (e.payload as { runId?: string }).runId === runId);

describe("training through the host", () => {
  it("streams per-layer telemetry as train.telemetry events and reads it back with runs.telemetry", async () => {
    const { project, path } = await saved("xor", "xor-telemetry", { epochs: 3, telemetry: { enabled: true } });
    const done = next("train.done");
    const { runId } = await host.call("train.start", { project, projectPath: path });
    await done;
    const streamed = ofRun(runId, "train.telemetry").map((e) => (e.payload as EventOf<"train.telemetry">).record);
    // The first and last epochs always; epoch 2 only if recording stayed within its time share.
    expect(streamed[0].epoch).toBe(1);
    expect(streamed.at(-1)?.epoch).toBe(3);
    const read = await host.call("runs.telemetry", { projectPath: path, runId });
    expect(read).toEqual({ records: streamed, skipped: 0 });
    expect(read.records[0].layers.some((l) => l.className === "Dense" && l.gradNorm !== null)).toBe(true);
  }, 60_000);

  it("trains a saved project, streams events, stores the run as the CLI does and lists it", async () => {
    const { project, path } = await saved("xor", "xor", { epochs: 40 });
    const done = next("train.done");
    const started = await host.call("train.start", { project, projectPath: path });
    expect(started.backend).toBe("wasm");
    expect(started.runDir).toBe(join(dir, "xor.runs", started.runId));
    expect(await done).toMatchObject({ runId: started.runId, reason: "completed", epochs: 40, runDir: started.runDir });
    expect(ofRun(started.runId, "train.started")).toMatchObject([{ payload: { epochs: 40 } }]);
    expect(ofRun(started.runId, "train.epoch")).toHaveLength(40);
    const runDir = started.runDir as string;
    expect(JSON.parse(readFileSync(join(runDir, "run.json"), "utf8"))).toMatchObject({
      runId: started.runId,
      source: path,
      name: "XOR MLP",
      training: { epochs: 40 },
    });
    expect(readFileSync(join(runDir, "metrics.jsonl"), "utf8").trim().split("\n")).toHaveLength(40);
    expect(existsSync(join(runDir, "checkpoints", "last", "model.json"))).toBe(true);

    const { runs } = await host.call("runs.list", { projectPath: path });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      runId: started.runId,
      status: "completed",
      epochs: 40,
      epochsPlanned: 40,
      hasModel: true,
    });
    // XOR trains on its four samples without validation, so checkpoints watch the training loss.
    expect(runs[0].best).toMatchObject({ metric: "loss", mode: "min" });
    const losses = lossesOf(await host.call("runs.get", { projectPath: path, runId: started.runId }));
    expect(runs[0].best?.value).toBe(Math.min(...losses));
    const got = await host.call("runs.get", { projectPath: path, runId: started.runId });
    expect(got.history.map((h) => h.epoch)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const csv = await host.call("runs.metricsCsv", { projectPath: path, runId: started.runId });
    const lines = csv.csv.trim().split("\n");
    expect(lines[0]).toBe("epoch,loss,accuracy");
    expect(lines).toHaveLength(41);
    expect(csv.fileName).toBe(`xor-${started.runId}-metrics.csv`);
  }, 120_000);

  it("evaluates, predicts with and exports a run, in memory and from its folder", async () => {
    const { project, path } = await saved("xor", "xor-eval", { epochs: 300 });
    const done = next("train.done");
    const { runId } = await host.call("train.start", { project, projectPath: path });
    await done;
    // Held in the trainer's memory: the run this host just trained.
    const { report } = await host.call("evaluate.run", { runId, projectPath: path, split: "train" });
    expect(report.task).toBe("binary");
    const predicted = await host.call("predict.run", {
      runId,
      projectPath: path,
      samples: [0, 1, 2, 3].map((i) => ({ kind: "values" as const, x: (project.data as { x: number[][] }).x[i] })),
    });
    expect(predicted.result.predictions.map((p) => (p.kind === "class" ? p.classId : -1))).toEqual([0, 1, 1, 0]);
    const out = join(dir, "xor.onnx");
    const exported = await host.call("export.run", { projectPath: path, runId, format: "onnx", out });
    expect(exported.result).toMatchObject({ file: out, verified: true });
    expect(exported.result.maxAbsDiff ?? 1).toBeLessThan(1e-4);
    const outside = await host
      .call("export.run", { projectPath: path, runId, format: "onnx", out: "/tmp/x.onnx" })
      .catch((e: ApiError) => e);
    expect(outside).toMatchObject({ code: "E_FORBIDDEN_PATH" });

    // After a trainer restart the model is read back from the run folder's checkpoint.
    host.trainer.kill();
    await next("trainer.exited");
    const again = await host.call("evaluate.run", { runId, projectPath: path, split: "train" });
    expect(again.report.task).toBe("binary");
  }, 180_000);

  it("lists a run that the CLI trained in the same project folder", async () => {
    const { path } = await saved("xor", "from-cli", { epochs: 3 });
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => true } };
    expect(await cli(["train", path, "--json", "--backend", "wasm"], io)).toBe(0);
    const cliDone = JSON.parse(out.join("").trim().split("\n").at(-1) as string);
    const { runs } = await host.call("runs.list", { projectPath: path });
    expect(runs.map((r) => [r.runDir, r.status, r.epochs])).toEqual([[cliDone.runDir, "completed", 3]]);
  }, 120_000);

  it("pauses, resumes and stops a run, and refuses a second one meanwhile", async () => {
    const { project, path } = await saved("regression", "long", { epochs: 10_000, batchSize: 1 });
    const progress = next("train.progress");
    const { runId } = await host.call("train.start", { project, projectPath: path });
    await progress;
    const busy = await host.call("train.start", { project, projectPath: path }).catch((e: ApiError) => e);
    expect(busy).toMatchObject({ code: "E_BUSY" });
    await host.call("train.pause", { runId });
    expect((await host.call("runs.list", { projectPath: path })).runs[0].status).toBe("paused");
    await host.call("train.resume", { runId });
    const done = next("train.done", (d) => d.runId === runId);
    await host.call("train.stop", { runId });
    expect((await done).reason).toBe("stopped");
    expect(ofRun(runId, "train.status").map((e) => (e.payload as { status: string }).status)).toEqual([
      "paused",
      "running",
    ]);
    expect((await host.call("runs.list", { projectPath: path })).runs[0].status).toBe("stopped");
    const again = await host.call("train.stop", { runId }).catch((e: ApiError) => e);
    expect(again).toMatchObject({ code: "E_NO_RUN" });
  }, 120_000);

  it("survives the trainer being killed mid-run: error event, project intact, a new run starts", async () => {
    const { project, path } = await saved("regression", "killed", { epochs: 10_000, batchSize: 1 });
    const fileBefore = readFileSync(path, "utf8");
    const progress = next("train.progress");
    const { runId } = await host.call("train.start", { project, projectPath: path });
    await progress;
    const error = next("train.error", (e) => e.runId === runId);
    const exited = next("trainer.exited");
    host.trainer.kill();
    expect(await error).toMatchObject({ runId, code: "E_TRAINER_EXITED" });
    expect((await exited).message).toMatch(/restarts with the next run/);
    expect((await host.call("app.info", {})).backend).toBeNull();
    expect(readFileSync(path, "utf8")).toBe(fileBefore);
    expect((await host.call("runs.list", { projectPath: path })).runs[0]).toMatchObject({ runId, status: "failed" });

    const short = { ...project, training: { ...project.training, epochs: 2, batchSize: 32 } };
    const done = next("train.done");
    const second = await host.call("train.start", { project: short, projectPath: path });
    expect(await done).toMatchObject({ runId: second.runId, reason: "completed" });
    expect((await host.call("app.info", {})).backend).toBe("wasm");
  }, 120_000);

  it("keeps the run of an unsaved project in memory", async () => {
    const project = await template("xor", { epochs: 5 });
    const done = next("train.done");
    const { runId, runDir } = await host.call("train.start", { project, projectPath: null });
    expect(runDir).toBeNull();
    await done;
    const { runs } = await host.call("runs.list", { projectPath: null });
    expect(runs.find((r) => r.runId === runId)).toMatchObject({ status: "completed", epochs: 5, runDir: null });
  }, 120_000);

  it("refuses a graph with errors, a project without data, and bad settings, naming the problem", async () => {
    const project = await template("xor");
    const broken = { ...project, graph: { ...project.graph, edges: [] } };
    // 2e12 parameters: [2e6] -> Dense(1e6) (xor's first Dense).
    const huge = structuredClone(project);
    huge.graph.nodes[0].params.shape = [2_000_000];
    huge.graph.nodes[1].params.units = 1_000_000;
    const cases: [Project, string, RegExp][] = [
      [broken, "E_GRAPH", /the graph has \d+ error/],
      [huge, "E_GRAPH", /^training needs at least [\d.]+ TB of memory; this machine has/],
      [{ ...project, data: null }, "E_BAD_REQUEST", /no data; choose a dataset in the Data tab/],
      [{ ...project, training: { epochs: 0 } }, "E_BAD_REQUEST", /^training settings: epochs: /],
      [
        { ...project, data: { source: { kind: "table", path: "rel.csv" } } },
        "E_BAD_REQUEST",
        /relative.*not been saved/,
      ],
      [
        { ...project, data: { source: { kind: "table", path: "/etc/passwd" } } },
        "E_FORBIDDEN_PATH",
        /outside the folders/,
      ],
    ];
    for (const [p, code, message] of cases) {
      const e = await host.call("train.start", { project: p, projectPath: null }).catch((x: ApiError) => x);
      expect(e, code).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe(code);
      expect((e as ApiError).message).toMatch(message);
    }
  });
});
