import { describe, expect, it } from "vitest";
import { TrainerMessageSchema, TrainerRequestSchema } from "./protocol";

const xor = {
  kind: "inline",
  x: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  y: [0, 1, 1, 0],
};

describe("trainer protocol", () => {
  it("accepts well-formed requests", () => {
    for (const r of [
      { type: "start", runId: "r1", graph: {}, training: {}, data: xor },
      { type: "stop", runId: "r1" },
      { type: "pause", runId: "r1" },
      { type: "resume", runId: "r1" },
      { type: "predict", runId: "r1", requestId: "q", x: [[0, 1]] },
      { type: "evaluate", runId: "r1", requestId: "q", data: xor },
      { type: "exportWeights", runId: "r1", requestId: "q" },
      { type: "shutdown", runId: null },
    ]) {
      expect(TrainerRequestSchema.safeParse(r).success, JSON.stringify(r)).toBe(true);
    }
  });

  it.each([
    [{ type: "launch", runId: "r1" }, "unknown type"],
    [{ type: "stop" }, "missing runId"],
    [{ type: "stop", runId: "" }, "empty runId"],
    [{ type: "start", runId: "r1", graph: {}, training: {}, data: { kind: "inline", x: [[1]], y: [] } }, "no targets"],
    [
      { type: "start", runId: "r1", graph: {}, training: {}, data: { kind: "inline", x: [[1], [2]], y: [1] } },
      "x/y length mismatch",
    ],
    [
      { type: "start", runId: "r1", graph: {}, training: {}, data: { kind: "inline", x: [["a"]], y: [1] } },
      "non-numeric sample",
    ],
    [{ type: "predict", runId: "r1", requestId: "q", x: [] }, "no samples"],
  ] as [unknown, string][])("rejects %j (%s)", (raw) => {
    expect(TrainerRequestSchema.safeParse(raw).success).toBe(false);
  });

  it("names the sample counts when x and y disagree", () => {
    const r = TrainerRequestSchema.safeParse({
      type: "start",
      runId: "r1",
      graph: {},
      training: {},
      data: { kind: "inline", x: [[1], [2]], y: [1] },
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues[0].message).toBe(
        "x and y must have one entry per sample; received 2 samples in x and 1 in y",
      );
  });

  it("validates trainer messages, every one carrying a runId", () => {
    expect(
      TrainerMessageSchema.safeParse({ type: "ready", runId: null, backend: "wasm", version: "4.22.0", skipped: [] })
        .success,
    ).toBe(true);
    expect(
      TrainerMessageSchema.safeParse({
        type: "done",
        runId: "r",
        reason: "completed",
        epochs: 3,
        steps: 12,
        metrics: { loss: 0.1 },
      }).success,
    ).toBe(true);
    expect(
      TrainerMessageSchema.safeParse({ type: "done", reason: "completed", epochs: 3, steps: 12, metrics: {} }).success,
    ).toBe(false);
    expect(
      TrainerMessageSchema.safeParse({
        type: "done",
        runId: "r",
        reason: "finished",
        epochs: 3,
        steps: 12,
        metrics: {},
      }).success,
    ).toBe(false);
  });
});
