import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EventName, EventOf } from "../../shared/api/contract";
import type { ApiError } from "../../shared/api/errors";
import type { Project } from "../../shared/ir/project";
import { createHost, type Host } from "./host";

/**
 * Runs of unsaved projects, through the host with the real trainer (wasm): each draft id has its
 * own runs, they move beside the file on the first save (and stay, still listed, when the move
 * fails), Save As copies a saved project's runs, and evaluation offers and accepts only the parts
 * of the split a run has, naming the checkpoint's epoch.
 */
let host: Host;
let dir: string;
let configDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "netforge-drafts-"));
  configDir = mkdtempSync(join(tmpdir(), "netforge-config-"));
  host = createHost({ mode: "browser", browseRoots: [dir], configDir, backend: "wasm" });
  await host.call("fs.openFolder", { path: dir });
}, 60_000);
afterAll(() => host.close());

function next<E extends EventName>(event: E, match: (p: EventOf<E>) => boolean): Promise<EventOf<E>> {
  return new Promise((resolve) => {
    const off = host.events.on(event, (p) => {
      if (match(p)) {
        off();
        resolve(p);
      }
    });
  });
}

async function template(id: string, training: Record<string, unknown>): Promise<Project> {
  const { project } = await host.call("projects.new", { template: id });
  return { ...project, training: { ...project.training, ...training } };
}

/** Trains a template under a draft id until it ends; returns the run id. */
async function trainDraft(id: string, draft: string, training: Record<string, unknown> = { epochs: 3 }) {
  const project = await template(id, training);
  let runId = "";
  const done = next("train.done", (p) => p.runId === runId);
  ({ runId } = await host.call("train.start", { project, projectPath: null, draft }));
  await done;
  return { runId, project };
}

const ids = async (ref: { projectPath: string | null; draft?: string }) =>
  (await host.call("runs.list", ref)).runs.map((r) => r.runId);

describe("runs of unsaved projects", () => {
  let xor: { runId: string; project: Project };
  let gan: { runId: string; project: Project };

  beforeAll(async () => {
    xor = await trainDraft("xor", "draft-xor-1");
    gan = await trainDraft("gan-ring", "draft-gan-1", { epochs: 2 });
  }, 240_000);

  it("keeps each unsaved project's runs apart, in its own folder", async () => {
    expect(await ids({ projectPath: null, draft: "draft-xor-1" })).toEqual([xor.runId]);
    expect(await ids({ projectPath: null, draft: "draft-gan-1" })).toEqual([gan.runId]);
    expect(await ids({ projectPath: null, draft: "draft-other" })).toEqual([]);
    const { run } = await host.call("runs.get", { projectPath: null, draft: "draft-xor-1", runId: xor.runId });
    expect(run.runDir).toBe(join(configDir, "drafts", "draft-xor-1.runs", xor.runId));
    const foreign = await host
      .call("evaluate.run", { runId: xor.runId, projectPath: null, draft: "draft-gan-1", split: "train" })
      .catch((e: ApiError) => e);
    expect(foreign).toMatchObject({ code: "E_NO_RUN" });
  });

  it("offers only the parts a run has, refuses others by name, and says which epoch's weights it used", async () => {
    const ref = { projectPath: null, draft: "draft-xor-1" };
    const { run } = await host.call("runs.get", { ...ref, runId: xor.runId });
    expect(run.parts).toEqual(["train"]);
    const missing = await host
      .call("evaluate.run", { ...ref, runId: xor.runId, split: "validation" })
      .catch((e: ApiError) => e);
    expect(missing).toMatchObject({ code: "E_BAD_REQUEST" });
    expect((missing as ApiError).message).toMatch(/has no validation part.*the training part/);
    // No split asked: the first part the run has, never a missing one.
    const { report } = await host.call("evaluate.run", { ...ref, runId: xor.runId, checkpoint: "last" });
    expect(report).toMatchObject({ set: "train", weights: "last", weightsEpoch: 3 });
  }, 120_000);

  it("evaluates a GAN on its training part only, from the host and from the trainer", async () => {
    const ref = { projectPath: null, draft: "draft-gan-1" };
    expect((await host.call("runs.get", { ...ref, runId: gan.runId })).run.parts).toEqual(["train"]);
    const refused = await host
      .call("evaluate.run", { ...ref, runId: gan.runId, split: "validation" })
      .catch((e: ApiError) => e);
    expect((refused as ApiError).message).toMatch(/has no validation part/);
    const { report } = await host.call("evaluate.run", { ...ref, runId: gan.runId, split: "train" });
    expect(report).toMatchObject({ task: "gan", set: "train" });
    // A run without a folder is the trainer's to judge: it refuses too instead of showing the training part.
    const memory = await template("gan-ring", { epochs: 1 });
    let runId = "";
    const done = next("train.done", (p) => p.runId === runId);
    ({ runId } = await host.call("train.start", { project: memory, projectPath: null }));
    await done;
    const inMemory = await host
      .call("evaluate.run", { runId, projectPath: null, split: "validation" })
      .catch((e: ApiError) => e);
    expect((inMemory as ApiError).message).toMatch(
      /a GAN trains on every real sample, so its data has no validation part/,
    );
  }, 180_000);

  it("moves the runs beside the file on the first save, where evaluate and export find them", async () => {
    const path = join(dir, "my-xor.netforge.json");
    const saved = await host.call("projects.save", { path, project: xor.project, draft: "draft-xor-1" });
    expect(saved.runs).toEqual({ moved: 1, copied: 0, left: [] });
    const runDir = join(dir, "my-xor.runs", xor.runId);
    expect(existsSync(join(runDir, "run.json"))).toBe(true);
    expect(existsSync(join(configDir, "drafts", "draft-xor-1.runs"))).toBe(false);
    expect(await ids({ projectPath: path })).toEqual([xor.runId]);
    expect((await host.call("runs.get", { projectPath: path, runId: xor.runId })).run.runDir).toBe(runDir);
    const { report } = await host.call("evaluate.run", { projectPath: path, runId: xor.runId, checkpoint: "last" });
    expect(report).toMatchObject({ set: "train", weightsEpoch: 3 });
    const out = join(dir, "my-xor.onnx");
    const exported = await host.call("export.run", { projectPath: path, runId: xor.runId, format: "onnx", out });
    expect(exported.result).toMatchObject({ file: out, verified: true });

    // Save As copies the runs along; the originals stay beside the old file.
    const copy = join(dir, "my-xor-copy.netforge.json");
    const again = await host.call("projects.save", { path: copy, project: xor.project, copyRunsFrom: path });
    expect(again.runs).toEqual({ moved: 0, copied: 1, left: [] });
    expect(await ids({ projectPath: copy })).toEqual([xor.runId]);
    expect(await ids({ projectPath: path })).toEqual([xor.runId]);
  }, 180_000);

  it("keeps every run, still listed and usable, when they cannot move, and moves them with the next save", async () => {
    const { runId, project } = await trainDraft("xor", "draft-blocked", { epochs: 2 });
    const path = join(dir, "blocked.netforge.json");
    // A file where the runs folder must go: the move fails for real.
    writeFileSync(join(dir, "blocked.runs"), "not a folder");
    const saved = await host.call("projects.save", { path, project, draft: "draft-blocked" });
    expect(saved.runs.moved).toBe(0);
    expect(saved.runs.left).toEqual([{ runId, reason: expect.stringContaining("cannot create") }]);
    const ref = { projectPath: path, draft: "draft-blocked" };
    expect(await ids(ref)).toEqual([runId]);
    expect((await host.call("evaluate.run", { ...ref, runId })).report.set).toBe("train");

    rmSync(join(dir, "blocked.runs"));
    const retried = await host.call("projects.save", { path, project, draft: "draft-blocked" });
    expect(retried.runs).toEqual({ moved: 1, copied: 0, left: [] });
    expect(await ids({ projectPath: path })).toEqual([runId]);
  }, 180_000);

  it("moves a run that was still training at the save once it ends", async () => {
    const project = await template("xor", { epochs: 100_000 });
    const { runId } = await host.call("train.start", { project, projectPath: null, draft: "draft-running" });
    await next("train.epoch", (p) => p.runId === runId);
    const path = join(dir, "running.netforge.json");
    const saved = await host.call("projects.save", { path, project, draft: "draft-running" });
    expect(saved.runs.left).toEqual([{ runId, reason: expect.stringContaining("still training") }]);
    expect(await ids({ projectPath: path, draft: "draft-running" })).toEqual([runId]);
    const done = next("train.done", (p) => p.runId === runId);
    await host.call("train.stop", { runId });
    await done;
    await vi.waitFor(() => expect(existsSync(join(dir, "running.runs", runId, "end.json"))).toBe(true), {
      timeout: 30_000,
    });
    expect(await ids({ projectPath: path })).toEqual([runId]);
    expect((await host.call("runs.get", { projectPath: path, runId })).run).toMatchObject({ status: "stopped" });
  }, 120_000);
});
