import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { trainedRuns } from "./evaluate-fixtures";
import { modelFromRunDir } from "./evaluate-model";

const trained = trainedRuns();

/** A saved run's checkpoint names its weights file; only a plain name beside model.json is read. */
describe("modelFromRunDir", () => {
  it("refuses a model.json whose weights path leaves the checkpoint folder", async () => {
    const { runDir } = await trained("xor", { epochs: 1 });
    const checkpoint = join(runDir, "checkpoints", "last");
    // The same weights outside the run folder: reading them would succeed, so only the check stops it.
    const outside = join(dirname(runDir), `${runDir.split("/").at(-1)}-outside.bin`);
    copyFileSync(join(checkpoint, "weights.bin"), outside);
    const modelJson = JSON.parse(readFileSync(join(checkpoint, "model.json"), "utf8"));
    const model = await modelFromRunDir(runDir, { checkpoint: "last" });
    model.dispose();
    modelJson.weightsManifest[0].paths = [`../../../${outside.split("/").at(-1)}`];
    writeFileSync(join(checkpoint, "model.json"), JSON.stringify(modelJson));
    await expect(modelFromRunDir(runDir, { checkpoint: "last" })).rejects.toMatchObject({
      code: "E_EVAL_RUN",
      message: expect.stringMatching(
        /expected a weights file name beside it \(weights\.bin\); received "\.\.\/\.\.\/\.\.\//,
      ),
    });
  });
});
