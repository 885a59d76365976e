import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportOf } from "../../../shared/evaluation/report";
import { evaluateRun } from "./evaluate";
import { trainedRuns } from "./evaluate-fixtures";
import { modelInMemory } from "./evaluate-model";

const trained = trainedRuns();

/** Points on a ring as a CSV table with a header and no label column: a GAN's real samples. */
function ringCsv(): string {
  const rows = Array.from({ length: 48 }, (_, i) => {
    const a = (2 * Math.PI * i) / 48;
    return `${(2 * Math.cos(a)).toFixed(4)},${(2 * Math.sin(a)).toFixed(4)}`;
  });
  const path = join(mkdtempSync(join(tmpdir(), "netforge-gan-table-")), "ring.csv");
  writeFileSync(path, `x,y\n${rows.join("\n")}\n`);
  return path;
}

describe("a GAN on a CSV table", () => {
  it("trains on every column of every row (no label unless the spec names one) and shows them as real samples", async () => {
    const run = await trained(
      "gan-ring",
      { epochs: 2 },
      { data: { source: { kind: "table", path: ringCsv() } } as never },
    );
    expect(run.messages.find((m) => m.type === "done")).toMatchObject({ reason: "completed" });
    const report = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"gan">;
    expect(report.task).toBe("gan");
    expect(report.real?.shape).toEqual([48, 2]);
  });
});
