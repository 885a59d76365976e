import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequential } from "../../shared/ir/builder";
import type { Graph } from "../../shared/ir/graph";
import { stableStringify } from "../../shared/ir/serialize";
import { main } from "./index";

/** `netforge check` on graphs and whole projects: what the text shows must match what it counts. */
async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "netforge-check-"));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, stableStringify(content));
  return path;
}

const mlp = sequential([4], ["Dense", { units: 8, activation: "relu" }], ["Dense", { units: 3 }]);

function project(graph: Graph, extra: Record<string, unknown> = {}) {
  return { format: "netforge.project", version: 1, name: "p", graph, data: null, training: {}, ...extra };
}

/** Every "CODE message" line of the text output. */
const codedLines = (text: string) => text.split("\n").filter((l) => /^\s*[EW]_[A-Z_]+ /.test(l));

describe("netforge check: every diagnostic is printed", () => {
  it("prints edge-level diagnostics (E_UNKNOWN_PORT) that the counts include", async () => {
    const graph = structuredClone(mlp);
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
    const graph = structuredClone(mlp);
    graph.nodes[1] = { ...graph.nodes[1], kind: "Densse", name: "b" };
    const unknown = await run("check", file("kind.json", graph));
    expect(unknown.stdout).toContain('Densse "b" unknown layer kind "Densse"');
    const cyclic = structuredClone(mlp);
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
