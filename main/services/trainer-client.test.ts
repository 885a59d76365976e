import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrainerMessage } from "../../shared/trainer/protocol";
import { template } from "../trainer/testing/run-template";
import { TrainerClient, type TrainerProcess } from "./trainer-client";

/** The real trainer process, forked as browser mode and the CLI fork it, on the wasm backend. */
const xor = template("xor");
const regression = template("regression");

function collect(client: TrainerClient, runId: string): TrainerMessage[] {
  const seen: TrainerMessage[] = [];
  client.on("message", (m) => m.runId === runId && seen.push(m));
  return seen;
}

describe("trainer process", () => {
  let client: TrainerClient;
  beforeAll(async () => {
    client = await TrainerClient.start({ backend: "wasm" });
  }, 60_000);
  afterAll(() => client.shutdown());

  it("reports the backend it loaded and why the others were skipped", () => {
    expect(client.ready.backend).toBe("wasm");
    expect(client.ready.version).toMatch(/^4\.22/);
  });

  it("trains the XOR template to 100% accuracy and streams epochs", async () => {
    const seen = collect(client, "xor");
    const runDir = mkdtempSync(join(tmpdir(), "netforge-run-"));
    client.send({ type: "start", runId: "xor", graph: xor.graph, training: xor.training, data: xor.data, runDir });
    const end = await client.waitForEnd("xor");
    expect(end).toMatchObject({ type: "done", reason: "completed", epochs: 300 });
    if (end.type !== "done") return;
    expect(end.metrics.accuracy).toBe(1);
    expect(seen.filter((m) => m.type === "epoch")).toHaveLength(300);
    expect(seen.some((m) => m.type === "checkpoint" && m.kind === "last")).toBe(true);
    const metricsLines = readFileSync(join(runDir, "metrics.jsonl"), "utf8").trim().split("\n");
    expect(metricsLines).toHaveLength(300);
  }, 120_000);

  it("stops within one batch", async () => {
    const runId = "long";
    const firstProgress = new Promise<void>((resolve) =>
      client.on("message", (m) => m.runId === runId && m.type === "progress" && resolve()),
    );
    const training = { ...regression.training, epochs: 10_000, batchSize: 1 };
    client.send({ type: "start", runId, graph: regression.graph, training, data: regression.data });
    await firstProgress;
    client.send({ type: "stop", runId });
    const end = await client.waitForEnd(runId);
    expect(end).toMatchObject({ type: "done", reason: "stopped" });
    const m = /stop requested after step (\d+), training ended after step (\d+)/.exec(
      end.type === "done" ? (end.message ?? "") : "",
    );
    expect(m).not.toBeNull();
    expect(Number(m?.[2]) - Number(m?.[1])).toBeLessThanOrEqual(1);
  }, 60_000);

  it("answers a malformed request with an error instead of crashing", async () => {
    const reply = new Promise<TrainerMessage>((resolve) =>
      client.on("message", (m) => m.type === "error" && m.runId === "bad" && resolve(m)),
    );
    (client as unknown as { child: { send(x: unknown): void } }).child.send({ type: "start", runId: "bad" });
    expect(await reply).toMatchObject({ code: "E_BAD_REQUEST" });
  });

  it("reports an invalid graph as E_COMPILE with the diagnostics", async () => {
    const graph = structuredClone(xor.graph);
    graph.nodes[1].params.units = 0;
    client.send({ type: "start", runId: "broken", graph, training: xor.training, data: xor.data });
    const end = await client.waitForEnd("broken");
    expect(end).toMatchObject({ type: "error", code: "E_COMPILE" });
    expect(end.type === "error" && end.message).toContain("units must be an integer >= 1");
  });
});

describe("a killed trainer", () => {
  it("is reported as an error, not a hang", async () => {
    const client = await TrainerClient.start({ backend: "cpu" });
    client.send({
      type: "start",
      runId: "doomed",
      graph: regression.graph,
      training: { ...regression.training, epochs: 10_000 },
      data: regression.data,
    });
    await new Promise<void>((resolve) => client.on("message", (m) => m.type === "progress" && resolve()));
    client.kill("SIGKILL");
    const end = await client.waitForEnd("doomed");
    expect(end).toMatchObject({ type: "error", code: "E_TRAINER_EXITED" });
  }, 60_000);
});

describe("a malformed message from the trainer", () => {
  /** A scripted process at the IPC boundary: it answers `start` with whatever `reply` returns. */
  function scripted(reply: (runId: string) => unknown): TrainerProcess {
    let listener: (raw: unknown) => void = () => {};
    return {
      pid: undefined,
      send: (req) => {
        if (req.type === "start") queueMicrotask(() => listener(reply(req.runId)));
      },
      onMessage: (l) => {
        listener = l;
        queueMicrotask(() => l({ type: "ready", runId: null, backend: "cpu", version: "test", skipped: [] }));
        return () => {};
      },
      onExit: () => () => {},
      kill: () => {},
    };
  }

  it("ends the run with E_TRAINER instead of leaving waitForEnd hanging when it was the run's done", async () => {
    // The shape a NaN metric once produced: zod rejects Infinity, and the run's done was lost.
    const done = (runId: string) => ({
      type: "done",
      runId,
      reason: "diverged",
      epochs: 1,
      steps: 3,
      metrics: { loss: Number.POSITIVE_INFINITY },
    });
    const client = await TrainerClient.start({ launch: () => scripted(done) });
    client.send({ type: "start", runId: "r1", graph: {}, training: {}, data: { x: [[0]], y: [[0]] } as never });
    const end = await client.waitForEnd("r1");
    expect(end).toMatchObject({ type: "error", runId: "r1", code: "E_TRAINER" });
    expect(end.type === "error" && end.message).toContain("malformed done message");
  });

  it("ignores a malformed message that does not end a run", async () => {
    const client = await TrainerClient.start({ launch: () => scripted((runId) => ({ type: "epoch", runId })) });
    const seen = collect(client, "r2");
    client.send({ type: "start", runId: "r2", graph: {}, training: {}, data: { x: [[0]], y: [[0]] } as never });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
  });
});
