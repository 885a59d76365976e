import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "../../shared/api/errors";
import { sequential } from "../../shared/ir/builder";
import { PROJECT_VERSION } from "../../shared/ir/project";
import { stableStringify } from "../../shared/ir/serialize";
import type { Host } from "./host";
import { hostWithOpenFolder, refusal } from "./test-host";

/**
 * Every path that reaches the trainer passes the opened-folder check, wherever it came from (a
 * request, a project, a run folder's run.json) and whatever links it goes through. Real folders,
 * real symbolic links, the real host; the trainer is never reached (a start would fail the test
 * with E_TRAINER instead of the refusal expected).
 */
let opened: string;
let outside: string;
let host: Host;

const IRIS = join(import.meta.dirname, "../../resources/datasets/iris.csv");

beforeEach(async () => {
  ({ host, folder: opened } = await hostWithOpenFolder("netforge-opened"));
  outside = mkdtempSync(join(tmpdir(), "netforge-outside-"));
  copyFileSync(IRIS, join(outside, "secret.csv"));
});
afterEach(() => host.close());

const graph = sequential([4], ["Dense", { units: 3, activation: "softmax" }]);
const training = { epochs: 1, loss: { type: "sparseCategoricalCrossentropy" } };

/** A saved project without data and one run folder whose run.json names `dataPath` as its data. */
function projectWithRun(dataPath: string, runsRoot?: string): { projectPath: string; runDir: string } {
  const projectPath = join(opened, "p.netforge.json");
  const project = { format: "netforge.project", version: PROJECT_VERSION, name: "p", graph, data: null, training };
  writeFileSync(projectPath, stableStringify(project));
  const root = runsRoot ?? join(opened, "p.runs");
  if (runsRoot) symlinkSync(runsRoot, join(opened, "p.runs"));
  const runDir = join(root, "r1");
  mkdirSync(join(runDir, "checkpoints", "best"), { recursive: true });
  writeFileSync(join(runDir, "checkpoints", "best", "model.json"), "{}");
  const spec = { source: { kind: "table", path: dataPath } };
  const record = { runId: "r1", source: projectPath, name: "p", graph, training, data: { kind: "table", spec } };
  writeFileSync(join(runDir, "run.json"), stableStringify(record));
  return { projectPath, runDir };
}

describe("run.json's data (item 16)", () => {
  it("evaluate.run refuses a saved run whose run.json names data outside the opened folders", async () => {
    const { projectPath } = projectWithRun(join(outside, "secret.csv"));
    const e = await refusal(host.call("evaluate.run", { projectPath, runId: "r1" }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
    expect(e.message).toContain(join(outside, "secret.csv"));
  });

  it("export.run refuses it too, before any trainer is started", async () => {
    const { projectPath } = projectWithRun(join(outside, "secret.csv"));
    const out = join(opened, "model.onnx");
    const e = await refusal(host.call("export.run", { projectPath, runId: "r1", out, format: "onnx" }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
    expect(e.message).toContain("secret.csv");
  });

  it("export.run refuses a run.json whose data comes from a project file outside", async () => {
    const { projectPath, runDir } = projectWithRun(join(outside, "secret.csv"));
    const foreign = join(outside, "other.netforge.json");
    writeFileSync(foreign, stableStringify({ format: "netforge.project", version: 1, name: "o", graph, training }));
    const record = {
      runId: "r1",
      source: foreign,
      name: "p",
      graph,
      training,
      data: { kind: "inline", from: foreign },
    };
    writeFileSync(join(runDir, "run.json"), stableStringify(record));
    const out = join(opened, "model.onnx");
    const e = await refusal(host.call("export.run", { projectPath, runId: "r1", out, format: "onnx" }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
    expect(e.message).toContain(foreign);
  });
});

describe("symbolic links (item 17)", () => {
  it("a <project>.runs folder linked outside: runs.list and runs.get refuse, nothing is read", async () => {
    const runsOutside = join(outside, "runs");
    mkdirSync(runsOutside);
    const { projectPath } = projectWithRun(join(opened, "data.csv"), runsOutside);
    expect((await refusal(host.call("runs.list", { projectPath }))).code).toBe("E_FORBIDDEN_PATH");
    expect((await refusal(host.call("runs.get", { projectPath, runId: "r1" }))).code).toBe("E_FORBIDDEN_PATH");
    const out = join(opened, "model.onnx");
    const e = await refusal(host.call("export.run", { projectPath, runId: "r1", out, format: "onnx" }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
  });

  it("a file inside a run folder linked outside: runs.get refuses it and runs.list leaves the run out", async () => {
    const { projectPath, runDir } = projectWithRun(join(opened, "data.csv"));
    writeFileSync(join(outside, "history.jsonl"), `${JSON.stringify({ epoch: 1, loss: 42 })}\n`);
    symlinkSync(join(outside, "history.jsonl"), join(runDir, "metrics.jsonl"));
    const e = await refusal(host.call("runs.get", { projectPath, runId: "r1" }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
    expect(e.message).toContain("metrics.jsonl");
    expect((await host.call("runs.list", { projectPath })).runs).toEqual([]);
  });

  it("a weights file linked outside a checkpoint is refused before the trainer could read it", async () => {
    const { projectPath, runDir } = projectWithRun(join(opened, "data.csv"));
    writeFileSync(join(outside, "weights.bin"), Buffer.alloc(64));
    symlinkSync(join(outside, "weights.bin"), join(runDir, "checkpoints", "best", "weights.bin"));
    const e = await refusal(
      host.call("predict.run", { projectPath, runId: "r1", samples: [{ kind: "values", x: [1, 2, 3, 4] }] }),
    );
    expect(e.code).toBe("E_FORBIDDEN_PATH");
  });

  it("an image folder with one image linked outside is refused for probing and training", async () => {
    const images = join(opened, "images");
    mkdirSync(join(images, "cat"), { recursive: true });
    mkdirSync(join(images, "dog"), { recursive: true });
    writeFileSync(join(outside, "private.png"), "not really a png");
    writeFileSync(join(images, "cat", "a.png"), "x");
    symlinkSync(join(outside, "private.png"), join(images, "dog", "b.png"));
    const spec = { source: { kind: "imageFolder" as const, path: images } };
    const probe = await refusal(host.call("data.probe", { spec }));
    expect(probe.code).toBe("E_FORBIDDEN_PATH");
    expect(probe.message).toContain(join(images, "dog", "b.png"));
    const project = {
      format: "netforge.project",
      version: PROJECT_VERSION,
      name: "i",
      graph,
      data: spec,
      training,
    } as const;
    const train = await refusal(host.call("train.start", { project, projectPath: null }));
    expect(train.code).toBe("E_FORBIDDEN_PATH");
  });

  it("links that stay inside the opened folders are followed (a linked class folder, a linked CSV)", async () => {
    const images = join(opened, "images");
    mkdirSync(join(opened, "shared-cats"), { recursive: true });
    mkdirSync(images);
    symlinkSync(join(opened, "shared-cats"), join(images, "cat"));
    symlinkSync(join(images, "cat"), join(opened, "shared-cats", "loop"));
    copyFileSync(IRIS, join(opened, "iris.csv"));
    symlinkSync(join(opened, "iris.csv"), join(opened, "linked.csv"));
    const table = await host.call("data.probe", {
      spec: { source: { kind: "table", path: join(opened, "linked.csv") } },
    });
    expect(table.summary.kind).toBe("table");
    const e = await host.call("data.probe", { spec: { source: { kind: "imageFolder", path: images } } }).then(
      () => null,
      (error: ApiError) => error,
    );
    // An image folder without images is the data reader's complaint, not a forbidden path.
    expect(e?.code ?? "ok").not.toBe("E_FORBIDDEN_PATH");
  });
});
