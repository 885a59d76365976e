import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiError } from "../../shared/api/errors";
import { createHost, type Host } from "./host";

/**
 * inside.featureMaps through the host and the real trainer process: a saved digits-cnn run's maps
 * from its checkpoint, the same after the trainer restarts, and bad requests refused by name.
 */
let host: Host;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "netforge-inside-"));
  mkdirSync(join(dir, "datasets"));
  mkdirSync(join(dir, "p"));
  copyFileSync(
    join(import.meta.dirname, "../../resources/datasets/digits-8x8.csv"),
    join(dir, "datasets/digits-8x8.csv"),
  );
  host = createHost({
    mode: "browser",
    browseRoots: [dir],
    configDir: mkdtempSync(join(tmpdir(), "netforge-config-")),
    backend: "wasm",
  });
  await host.call("fs.openFolder", { path: dir });
}, 60_000);
afterAll(() => host.close());

describe("inside.featureMaps through the host", () => {
  it("answers a saved run's maps from its checkpoint, the same after a trainer restart", async () => {
    const { project: t } = await host.call("projects.new", { template: "digits-cnn" });
    const project = { ...t, training: { ...t.training, epochs: 1 } };
    const path = join(dir, "p", "digits.netforge.json");
    await host.call("projects.save", { path, project });
    const done = new Promise<void>((resolve) => {
      const off = host.events.on("train.done", () => {
        off();
        resolve();
      });
    });
    const { runId } = await host.call("train.start", { project, projectPath: path });
    await done;
    const { maps } = await host.call("inside.featureMaps", { runId, projectPath: path, index: 7 });
    expect(maps.sample).toMatchObject({ kind: "split", part: "validation", index: 7 });
    expect(maps.layers.map((l) => [l.name, l.shape, l.values.length])).toEqual([
      ["conv2d_1", [8, 8, 16], 8 * 8 * 16],
      ["conv2d_2", [4, 4, 32], 4 * 4 * 32],
    ]);
    expect(maps.filters).toMatchObject({ layer: "conv2d_1", shape: [3, 3, 1, 16] });

    const exited = new Promise<void>((resolve) => {
      const off = host.events.on("trainer.exited", () => {
        off();
        resolve();
      });
    });
    host.trainer.kill();
    await exited;
    const again = await host.call("inside.featureMaps", { runId, projectPath: path, index: 7 });
    expect(again.maps).toEqual(maps);

    const both = await host
      .call("inside.featureMaps", { runId, projectPath: path, index: 1, sample: { kind: "values", x: [1] } })
      .catch((e: ApiError) => e);
    expect(both).toMatchObject({ code: "E_BAD_REQUEST", message: expect.stringMatching(/either sample .* or index/) });
    const past = await host
      .call("inside.featureMaps", { runId, projectPath: path, index: 99_999 })
      .catch((e: ApiError) => e);
    // The contract's code is the coarse E_TRAINER; the message names the range the part has.
    expect(past).toMatchObject({
      code: "E_TRAINER",
      message: expect.stringMatching(/expected a sample position from 0 to 358 .* received 99999/),
    });
  }, 180_000);
});
