import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeTable, readTable } from "../../data/table/index";
import { encodeSample } from "./evaluate-encode";

/** A table row by column name: a regression answers in the label's units, and says which label. */
describe("a table regression row", () => {
  it("is encoded as training encoded it, and its answer is named after the label, values as the model gives them", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "netforge-table-reg-")), "prices.csv");
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${(i * 7) % 11},${(100 + i * 3.5).toFixed(1)}`);
    writeFileSync(path, `area,rooms,price\n${rows.join("\n")}\n`);
    const table = encodeTable(await readTable({ kind: "table", path, task: "regression" }));
    expect(table.task).toBe("regression");
    const ctx = {
      inputShape: [2],
      preprocessing: { kind: "table", stats: table.stats },
      resize: "stretch",
      pixelScale: null,
    } as const;
    const e = await encodeSample(
      { kind: "table", row: { rooms: "3", area: 4 } },
      { ...ctx, inputShape: [...ctx.inputShape] },
    );
    // Row 4 of the file is area 4, rooms (4 * 7) % 11 = 6; here rooms is 3: check area's column only.
    expect(e.values[0]).toBeCloseTo(table.features[4 * 2], 6);
    expect(e.answer?.names).toEqual(["price"]);
    expect(e.answer?.decode([123.5])).toEqual([123.5]);
  });
});
