import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../shared/ir/builder";
import { stableStringify } from "../../shared/ir/serialize";
import { main } from "./index";

/** A project is checked as the trainer will take it: several outputs are refused, not warned. */
describe("netforge check on a project with two outputs", () => {
  const b = new GraphBuilder();
  const x = b.add("Input", { shape: [4] });
  b.chain(x, ["Dense", { units: 1 }]);
  b.chain(x, ["Dense", { units: 3, activation: "softmax" }]);
  const dir = mkdtempSync(join(tmpdir(), "netforge-outputs-"));
  const write = (name: string, doc: unknown) => {
    writeFileSync(join(dir, name), stableStringify(doc));
    return join(dir, name);
  };
  const check = async (...argv: string[]) => {
    let stdout = "";
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => {} } };
    return { code: await main(["check", ...argv], io), stdout };
  };

  it("exits 1 and prints E_TRAIN_OUTPUTS naming both outputs", async () => {
    const project = { format: "netforge.project", version: 1, name: "two", graph: b.build(), data: null, training: {} };
    const r = await check(write("two.netforge.json", project));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/E_TRAIN_OUTPUTS training needs a model with exactly one output; .*"dense_1", "dense_2"/);
  });

  it("only warns for a bare graph, which exports with both outputs", async () => {
    const r = await check(write("two.json", b.build()), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(["W_MULTIPLE_OUTPUTS"]);
  });
});
