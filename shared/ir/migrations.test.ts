import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GRAPH_VERSION } from "./graph";
import { parseDocument } from "./load";
import { type Migration, migrate } from "./migrations";
import { PROJECT_VERSION } from "./project";
import { stableStringify } from "./serialize";

const dir = join(import.meta.dirname, "__fixtures__");
const fixtures = readdirSync(dir).filter((f) => /^netforge\.(graph|project)\.v\d+\.json$/.test(f));

describe("every fixture migrates to the current version", () => {
  it("has a fixture for every version of every format", () => {
    for (const [format, current] of [
      ["graph", GRAPH_VERSION],
      ["project", PROJECT_VERSION],
    ] as const) {
      for (let v = 1; v <= current; v++) expect(fixtures).toContain(`netforge.${format}.v${v}.json`);
    }
  });

  it.each(fixtures)("%s", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const r = parseDocument(JSON.parse(text));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const doc = r.kind === "project" ? r.project : r.graph;
    expect(doc.version).toBe(r.kind === "project" ? PROJECT_VERSION : GRAPH_VERSION);
    // Open then save is byte-identical for documents already at the current version.
    if (r.migrated.length === 0) expect(stableStringify(doc)).toBe(text);
  });
});

describe("migrate", () => {
  const steps: Migration[] = [
    {
      format: "netforge.graph",
      from: 1,
      title: "rename layers to nodes",
      up: ({ layers, ...d }) => ({ ...d, nodes: layers }),
    },
    {
      format: "netforge.graph",
      from: 2,
      title: "add edges",
      up: (d) => ({ ...d, edges: [] }),
    },
  ];

  it("applies every step from the file's version up, in order, and records them", () => {
    const r = migrate({ format: "netforge.graph", version: 1, layers: [] }, "netforge.graph", 3, steps);
    expect(r).toEqual({
      ok: true,
      doc: { format: "netforge.graph", version: 3, nodes: [], edges: [] },
      applied: ["netforge.graph v1 -> v2: rename layers to nodes", "netforge.graph v2 -> v3: add edges"],
    });
  });

  it("starts from the middle of the chain", () => {
    const r = migrate({ format: "netforge.graph", version: 2, nodes: [] }, "netforge.graph", 3, steps);
    expect(r.ok && r.applied).toEqual(["netforge.graph v2 -> v3: add edges"]);
  });

  it("does not mutate the input document", () => {
    const doc = { format: "netforge.graph", version: 1, layers: [{ id: "a" }] };
    const copy = structuredClone(doc);
    migrate(doc, "netforge.graph", 3, steps);
    expect(doc).toEqual(copy);
  });

  it("reports a gap in the chain, a newer file, a wrong format and a bad version", () => {
    expect(migrate({ format: "netforge.graph", version: 1 }, "netforge.graph", 4, steps)).toMatchObject({
      ok: false,
      code: "E_UNSUPPORTED_VERSION",
      message: "no migration from netforge.graph version 3 to 4",
    });
    expect(migrate({ format: "netforge.graph", version: 5 }, "netforge.graph", 3, steps)).toMatchObject({
      code: "E_UNSUPPORTED_VERSION",
    });
    expect(migrate({ format: "other", version: 1 }, "netforge.graph", 3, steps)).toMatchObject({
      code: "E_INVALID_DOCUMENT",
      message: 'expected format "netforge.graph"; received format "other"',
    });
    expect(migrate({ format: "netforge.graph", version: "1" }, "netforge.graph", 3, steps)).toMatchObject({
      code: "E_INVALID_DOCUMENT",
      message: 'expected an integer version >= 1; received version "1"',
    });
  });
});

describe("project v1 -> v2: validation is one setting", () => {
  const v1 = (data: unknown, training: Record<string, unknown>) => ({
    format: "netforge.project",
    version: 1,
    name: "p",
    graph: { format: "netforge.graph", version: 1, nodes: [], edges: [] },
    data,
    training,
  });
  const spec = (validation?: number) => ({
    source: { kind: "table", path: "iris.csv" },
    split: { ...(validation === undefined ? {} : { validation }), test: 0.1, seed: 3 },
  });
  const upgrade = (doc: unknown) => {
    const r = parseDocument(doc);
    if (!r.ok || r.kind !== "project") throw new Error(JSON.stringify(r));
    return r;
  };

  it("moves the data split's fraction into the training settings, which the trainer used for specs", () => {
    const r = upgrade(v1(spec(0.3), { validation: { type: "split", fraction: 0.1 }, epochs: 5 }));
    expect(r.project.version).toBe(PROJECT_VERSION);
    expect(r.project.data).toEqual({ source: { kind: "table", path: "iris.csv" }, split: { test: 0.1, seed: 3 } });
    expect(r.project.training).toEqual({ validation: { type: "split", fraction: 0.3 }, epochs: 5 });
    expect(r.migrated).toEqual([
      "netforge.project v1 -> v2: validation is one setting, in the training settings (the data split's validation fraction moved there)",
    ]);
  });

  it("keeps validation off where the training settings turned it off (v1 folded the part back)", () => {
    const r = upgrade(v1(spec(0.2), { validation: { type: "none" } }));
    expect(r.project.training.validation).toEqual({ type: "none" });
    expect((r.project.data as { split: object }).split).toEqual({ test: 0.1, seed: 3 });
  });

  it("turns a zero fraction into validation off, and fills in a training config that had none", () => {
    expect(upgrade(v1(spec(0), {})).project.training).toEqual({ validation: { type: "none" } });
    expect(upgrade(v1(spec(0.25), {})).project.training).toEqual({ validation: { type: "split", fraction: 0.25 } });
  });

  it("leaves inline samples, specs without a fraction and projects without data as they were", () => {
    const inline = { kind: "inline", x: [[0]], y: [0] };
    expect(upgrade(v1(inline, { validation: { type: "none" } })).project).toMatchObject({
      data: inline,
      training: { validation: { type: "none" } },
    });
    expect(upgrade(v1(spec(), {})).project.training).toEqual({});
    expect(upgrade(v1(null, {})).project).toMatchObject({ data: null, training: {} });
  });
});
