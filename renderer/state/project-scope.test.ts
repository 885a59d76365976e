import { describe, expect, it } from "vitest";
import { enterProject } from "./project-scope";
import { applyTrainingEvents, type TrainingEvent } from "./training-events";
import { createTrainingStore, type ProjectKey, setRunList } from "./training-store";

const GAN: ProjectKey = { projectPath: null, draft: "draft-gan" };
const XOR: ProjectKey = { projectPath: null, draft: "draft-xor" };

const started = (runId: string, key: ProjectKey): TrainingEvent => ({
  name: "train.started",
  payload: {
    runId,
    name: runId,
    projectPath: key.projectPath,
    draft: key.draft,
    runDir: null,
    backend: "wasm",
    epochs: 10,
  },
});
const epoch = (runId: string, e: number): TrainingEvent => ({
  name: "train.epoch",
  payload: { runId, epoch: e, epochs: 10, metrics: { loss: 1 / (e + 1) }, durationMs: 5 },
});

describe("runs belong to one project", () => {
  it("ignores a run started for another project, and all of its events", () => {
    const store = createTrainingStore({ project: XOR });
    applyTrainingEvents(store, [started("gan-run", GAN), epoch("gan-run", 0), started("xor-run", XOR)], 0);
    applyTrainingEvents(store, [epoch("gan-run", 1), epoch("xor-run", 0)], 1);
    expect(store.getState().order).toEqual(["xor-run"]);
    expect(store.getState().current).toBe("xor-run");
  });

  it("empties the list for another project; the previous project's run still training stays out of it", () => {
    const store = createTrainingStore({ project: GAN });
    applyTrainingEvents(store, [started("gan-run", GAN), epoch("gan-run", 0)], 0);
    enterProject(store, XOR);
    expect(store.getState()).toMatchObject({ order: [], current: null, runs: {}, overlay: [] });
    applyTrainingEvents(
      store,
      [epoch("gan-run", 1), { name: "train.status", payload: { runId: "gan-run", status: "paused" } }],
      1,
    );
    expect(store.getState().order).toEqual([]);
    // It blocks training here until it ends (use-start.ts), then it is forgotten.
    expect([...store.getState().foreign]).toEqual(["gan-run"]);
    const done = { runId: "gan-run", reason: "stopped" as const, epochs: 2, steps: 8, metrics: {}, runDir: null };
    applyTrainingEvents(store, [{ name: "train.done", payload: done }], 2);
    expect(store.getState()).toMatchObject({ order: [], foreign: new Set() });
  });

  it("keeps the runs when the same project is saved (same draft id, now a file)", () => {
    const store = createTrainingStore({ project: XOR });
    applyTrainingEvents(store, [started("xor-run", XOR)], 0);
    const saved = { projectPath: "/p/xor.netforge.json", draft: XOR.draft };
    enterProject(store, saved);
    expect(store.getState().order).toEqual(["xor-run"]);
    expect(store.getState().project).toEqual(saved);
  });

  it("takes a run back when the host lists it as this project's (the file opened again)", () => {
    const store = createTrainingStore({ project: GAN });
    applyTrainingEvents(store, [started("gan-run", GAN)], 0);
    enterProject(store, XOR);
    enterProject(store, { projectPath: "/p/gan.netforge.json", draft: "draft-gan-again" });
    setRunList(store, []);
    expect(store.getState().foreign.has("gan-run")).toBe(true);
    const listed = {
      runId: "gan-run",
      name: "GAN",
      status: "running" as const,
      started: null,
      epochs: 1,
      epochsPlanned: 10,
      best: null,
      last: null,
      runDir: "/p/gan.runs/gan-run",
      message: null,
      hasModel: false,
      parts: ["train" as const],
      checkpoints: [],
    };
    setRunList(store, [listed]);
    applyTrainingEvents(store, [epoch("gan-run", 1)], 1);
    expect(store.getState().runs["gan-run"]?.epochsDone).toBe(2);
  });
});
