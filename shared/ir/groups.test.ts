import { describe, expect, it } from "vitest";
import { parseGraph, parseProject } from "./load";

const node = (id: string, group?: string) => ({ id, kind: "Dense", params: { units: 2 }, ...(group ? { group } : {}) });
const graph = (extra: Record<string, unknown>) => ({ format: "netforge.graph", version: 1, edges: [], ...extra });

describe("composite blocks (groups) in the graph schema", () => {
  it("keeps files written before groups existed valid", () => {
    const r = parseGraph(graph({ nodes: [node("dense_1")] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.groups).toBeUndefined();
  });

  it("reads groups and the membership of nodes", () => {
    const r = parseGraph(
      graph({
        nodes: [node("dense_1", "group_1"), node("dense_2")],
        groups: [{ id: "group_1", name: "Head", collapsed: true }],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.groups).toEqual([{ id: "group_1", name: "Head", collapsed: true }]);
    expect(r.value.nodes[0].group).toBe("group_1");
  });

  it("names the node and the known groups when a node refers to a missing group", () => {
    const r = parseGraph(
      graph({ nodes: [node("dense_1", "group_9")], groups: [{ id: "group_1", name: "A", collapsed: false }] }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0].code).toBe("E_INVALID_DOCUMENT");
    expect(r.diagnostics[0].message).toContain("nodes[0].group");
    expect(r.diagnostics[0].message).toContain('"group_9"');
    expect(r.diagnostics[0].message).toContain('"group_1"');
  });

  it("refuses duplicate group ids, empty names and unknown group fields", () => {
    const dup = parseGraph(
      graph({
        nodes: [],
        groups: [
          { id: "g", name: "A", collapsed: false },
          { id: "g", name: "B", collapsed: false },
        ],
      }),
    );
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.diagnostics[0].message).toContain('group id "g" is used twice');
    const empty = parseGraph(graph({ nodes: [], groups: [{ id: "g", name: "", collapsed: false }] }));
    expect(empty.ok).toBe(false);
    const extra = parseGraph(graph({ nodes: [], groups: [{ id: "g", name: "A", collapsed: false, color: "red" }] }));
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.diagnostics[0].message).toContain('unknown field(s) "color"');
  });

  it("validates groups inside a project file too", () => {
    const r = parseProject({
      format: "netforge.project",
      version: 1,
      name: "p",
      graph: graph({ nodes: [node("dense_1", "nope")] }),
    });
    expect(r.ok).toBe(false);
  });
});
