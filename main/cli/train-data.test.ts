import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequential } from "../../shared/ir/builder";
import { corruptBytes } from "../data/image-folder/test-fixtures";
import { binary } from "./cli-testkit";

/** `netforge train` on data it cannot use: a real process, real files, a clear refusal. */
const dir = mkdtempSync(join(tmpdir(), "netforge-train-data-"));
const netforge = binary(dir);

describe("netforge train: data with no usable samples", () => {
  it("refuses an image folder whose every file is unreadable (exit 1, not 'completed')", () => {
    const images = join(dir, "images");
    for (const [cls, n] of [
      ["cat", 3],
      ["dog", 3],
    ] as const) {
      mkdirSync(join(images, cls), { recursive: true });
      for (let i = 0; i < n; i++) writeFileSync(join(images, cls, `${i}.png`), corruptBytes(200 + i));
    }
    const graph = sequential([32, 32, 3], ["Flatten"], ["Dense", { units: 2, activation: "softmax" }]);
    const project = {
      format: "netforge.project",
      version: 1,
      name: "unreadable",
      graph,
      data: null,
      training: { loss: { type: "sparseCategoricalCrossentropy" }, epochs: 2, validation: { type: "none" } },
    };
    writeFileSync(join(dir, "images.netforge.json"), JSON.stringify(project));
    const r = netforge("train", "images.netforge.json", "--data", images, "--json");
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const done = JSON.parse(r.stdout.trim().split("\n").at(-1) as string);
    expect(done).toMatchObject({ event: "done", reason: "error", code: "E_IMG_NONE_DECODED" });
    expect(done.message).toMatch(/expected decodable images; received 6 file\(s\) and none could be decoded/);
  }, 120_000);
});
