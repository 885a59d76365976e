import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequential } from "../../shared/ir/builder";
import type { Graph } from "../../shared/ir/graph";
import { runCli, tempFiles } from "./cli-testkit";

/** `netforge check` on graphs and whole projects: what the text shows must match what it counts. */
const run = runCli;
const { dir, file } = tempFiles("netforge-check-");

const mlp = sequential([4], ["Dense", { units: 8, activation: "relu" }], ["Dense", { units: 3 }]);
type Loose = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
/** A copy of a graph to break on purpose (plain strings where the IR has branded ids). */
const broken = (g: Graph) => structuredClone(g) as unknown as Loose;

function project(graph: Graph | Loose, extra: Record<string, unknown> = {}) {
  return { format: "netforge.project", version: 1, name: "p", graph, data: null, training: {}, ...extra };
}

/** Every "CODE message" line of the text output. */
const codedLines = (text: string) => text.split("\n").filter((l) => /^\s*[EW]_[A-Z_]+ /.test(l));

describe("netforge check: every diagnostic is printed", () => {
  it("prints edge-level diagnostics (E_UNKNOWN_PORT) that the counts include", async () => {
    const graph = broken(mlp);
    graph.edges[0] = { ...graph.edges[0], targetPort: "nope" };
    graph.edges.push({ ...graph.edges[1], id: "e_extra", targetPort: "bogus" });
    const path = file("ports.json", graph);
    const json = JSON.parse((await run("check", path, "--json")).stdout);
    const r = await run("check", path);
    expect(r.code).toBe(1);
    const errors = json.diagnostics.filter((d: { severity: string }) => d.severity === "error").length;
    const warnings = json.diagnostics.length - errors;
    expect(r.stdout).toContain(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning`);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain("E_UNKNOWN_PORT");
    // One printed line per diagnostic, each one of them.
    expect(codedLines(r.stdout)).toHaveLength(json.diagnostics.length);
    for (const d of json.diagnostics) expect(r.stdout).toContain(`${d.code} ${d.message}`);
  });

  it("puts a space between a node's name and the message (unknown kind, cycle)", async () => {
    const graph = broken(mlp);
    graph.nodes[1] = { ...graph.nodes[1], kind: "Densse", name: "b" };
    const unknown = await run("check", file("kind.json", graph));
    expect(unknown.stdout).toContain('Densse "b" unknown layer kind "Densse"');
    const cyclic = broken(mlp);
    cyclic.nodes.push({ id: "add_1", kind: "Add", name: "s", params: {}, position: { x: 0, y: 0 } });
    cyclic.edges.push(
      { id: "c1", source: "dense_2", target: "add_1", targetPort: "in" },
      { id: "c2", source: "add_1", target: "add_1", targetPort: "in" },
    );
    const cycle = await run("check", file("cycle.json", cyclic));
    expect(cycle.stdout).toContain('Add "s" is part of a cycle');
    expect(cycle.stdout).not.toMatch(/"\w+"[a-z]/);
  });
});

describe("netforge check: the whole project", () => {
  it("reports typos in the training settings that train would refuse", async () => {
    const p = project(mlp, { training: { optimizer: { type: "adam", lerningRate: 0.1 }, epochs: -1, batchSise: 4 } });
    const r = await run("check", file("typo.netforge.json", p), "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const messages = out.diagnostics.map((d: { code: string; message: string }) => `${d.code} ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^E_TRAINING_CONFIG training.optimizer has unknown field\(s\) "lerningRate"/),
        expect.stringMatching(/^E_TRAINING_CONFIG training.epochs must be .*Received: epochs=-1/),
        expect.stringMatching(/^E_TRAINING_CONFIG training has unknown field\(s\) "batchSise"/),
      ]),
    );
    const text = await run("check", join(dir, "typo.netforge.json"));
    expect(text.stdout).toContain('E_TRAINING_CONFIG training.optimizer has unknown field(s) "lerningRate"');
    expect(text.stdout).toContain("3 errors, 0 warnings");
  });

  it("reports a malformed data spec", async () => {
    const p = project(mlp, { data: { source: { kind: "csv" } } });
    const r = await run("check", file("data.netforge.json", p));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/E_DATA_SPEC data: expected a dataset spec/);
  });

  it("refuses a model whose training cannot fit in this machine's memory, with the figures", async () => {
    // 2e12 parameters: 8 TB of weights alone.
    const huge = sequential([2_000_000], ["Dense", { units: 1_000_000 }]);
    const r = await run("check", file("huge.json", huge));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Total params: 2,000,001,000,000");
    expect(r.stdout).toMatch(
      /E_MEMORY training needs at least [\d.]+ TB of memory; this machine has [\d.]+ [GT]B\. 2,000,001,000,000 parameters take 7\.3 TB/,
    );
    // A small model passes, with the default and with a project's own settings.
    expect((await run("check", file("small.netforge.json", project(mlp)))).code).toBe(0);
  });
});
