import { beforeAll, describe, expect, it } from "vitest";
import { EvaluationReportSchema, PredictionResultSchema } from "../../../shared/evaluation/report";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { TrainerSession } from "../session";
import { template } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";

/** The evaluate and predict requests as the host sends them, through the trainer's session. */
describe("trainer session: evaluate and try-it", () => {
  const messages: TrainerMessage[] = [];
  const session = new TrainerSession({ post: (m) => messages.push(m), onRequest: () => {} });
  const reply = (requestId: string) => messages.find((m) => "requestId" in m && m.requestId === requestId);

  beforeAll(async () => {
    await useBackend("wasm");
    const t = template("xor");
    await session.handle({ type: "start", runId: "xor", graph: t.graph, training: t.training, data: t.data });
  });

  it("returns an EvaluationReport of the model in memory, with the run's own data", async () => {
    await session.handle({ type: "evaluate", runId: "xor", requestId: "e1", split: "train" });
    const m = reply("e1");
    expect(m?.type).toBe("result");
    const report = EvaluationReportSchema.parse((m as { value: unknown }).value);
    expect(report).toMatchObject({ task: "binary", set: "train", weights: "memory", samples: 4, accuracy: 1 });
  });

  it("evaluates other inline data, all of it", async () => {
    const data = {
      kind: "inline",
      x: [
        [0, 0],
        [1, 1],
        [0, 1],
      ],
      y: [0, 0, 1],
      classNames: ["off", "on"],
    };
    await session.handle({ type: "evaluate", runId: "xor", requestId: "e2", data });
    const report = EvaluationReportSchema.parse((reply("e2") as { value: unknown }).value);
    expect(report).toMatchObject({ task: "binary", set: "data", samples: 3, classNames: ["off", "on"] });
  });

  it("answers raw try-it samples with a PredictionResult and keeps x requests as they were", async () => {
    await session.handle({ type: "predict", runId: "xor", requestId: "p1", samples: [{ kind: "values", x: [1, 0] }] });
    const result = PredictionResultSchema.parse((reply("p1") as { value: unknown }).value);
    expect(result.predictions[0]).toMatchObject({ kind: "class", classId: 1, className: "1" });
    await session.handle({ type: "predict", runId: "xor", requestId: "p2", x: [[1, 0]] });
    expect(Math.round((reply("p2") as { value: number[][] }).value[0][0])).toBe(1);
  });

  it("replies with coded errors: no such split, unknown run, both x and samples", async () => {
    await session.handle({ type: "evaluate", runId: "xor", requestId: "e3", split: "validation" });
    expect(reply("e3")).toMatchObject({ type: "error", code: "E_EVAL_NO_SPLIT" });
    await session.handle({ type: "evaluate", runId: "nope", requestId: "e4" });
    expect(reply("e4")).toMatchObject({ type: "error", code: "E_NO_RUN" });
    await session.handle({
      type: "predict",
      runId: "xor",
      requestId: "p3",
      x: [[1, 0]],
      samples: [{ kind: "text", text: "hi" }],
    });
    expect(messages.at(-1)).toMatchObject({ type: "error", code: "E_BAD_REQUEST" });
  });
});
