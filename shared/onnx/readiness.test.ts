import { describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../ir/builder";
import type { LayerCase } from "../layers/__fixtures__/case";
import { LAYER_CASES } from "../layers/__fixtures__/cases";
import { getSpec, LAYER_KINDS, type LayerKind } from "../layers/catalog";
import { mulberry32 } from "../random";
import { type GraphAnalysis, inferGraph } from "../shapes/infer";
import { EMITTER_NOTES, EMITTERS } from "./emitters/index";
import type { ExportNote, NoteRule, WeightTensor } from "./emitters/types";
import { emitNodes, exportOnnx } from "./export";
import { OnnxGraph, type Value } from "./graph";
import type { NodeDef } from "./model";
import { exportOutputs, exportReadiness } from "./readiness";

/**
 * The readiness report against what the emitters really do: every example row of every kind,
 * emitted for real, must agree with the status its emitter module claims.
 */

/** The kind under test fed by one Input per port (a GAN marker gets the smallest other half). */
function caseGraph(kind: string, c: LayerCase) {
  const b = new GraphBuilder();
  if (kind === "Input") {
    b.chain(b.add("Input", c.params, { id: "under_test" }), ["Activation", { activation: "linear" }]);
    return b.build();
  }
  if (kind === "GANGenerator" || kind === "GANDiscriminator") {
    const shape = c.inputs[0];
    b.connect(b.add("Input", { shape }), b.add(kind, c.params, { id: "under_test" }));
    const other = kind === "GANGenerator" ? "GANDiscriminator" : "GANGenerator";
    const d = shape.length > 1 ? [["Flatten"] as [string]] : [];
    const units = kind === "GANGenerator" ? 1 : (shape[0] ?? 1);
    b.chain(b.add("Input", { shape: kind === "GANGenerator" ? shape : [2] }), ...d, ["Dense", { units }], [other]);
    return b.build();
  }
  const int = kind === "Embedding";
  const inputs = c.inputs.map((shape) => b.add("Input", { shape, dtype: int ? "int32" : "float32" }));
  const node = b.add(kind, c.params, { id: "under_test" });
  const spec = getSpec(kind);
  const variadic = spec?.inputs.find((p) => p.variadic);
  for (const [i, id] of inputs.entries()) b.connect(id, node, variadic ? variadic.name : spec?.inputs[i].name);
  return b.build();
}

/** Seeded weights of every node's spec shapes, so two exports of one graph are byte-comparable. */
function seededWeights(analysis: GraphAnalysis): Record<string, WeightTensor[]> {
  const random = mulberry32(5);
  return Object.fromEntries(
    analysis.order.map((id) => [
      id,
      analysis.nodes[id].weights.map((w) => ({
        shape: w.shape,
        data: Float32Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, () => random() - 0.5),
      })),
    ]),
  );
}

/** The ONNX nodes the node under test adds, and whether it hands one of its inputs on unchanged. */
function emitUnderTest(analysis: GraphAnalysis) {
  const g = new OnnxGraph();
  let added: readonly NodeDef[] = [];
  let out: readonly Value[] = [];
  const values = emitNodes(analysis, g, {
    weights: seededWeights(analysis),
    outputs: analysis.outputs,
    onNode: (id, nodes, outputs) => {
      if (id === "under_test") [added, out] = [nodes, outputs];
    },
  });
  const inputs = analysis.nodes.under_test.inputRefs.map((r) => (values.get(r.source) as Value[])[r.outputIndex]);
  const passthrough = added.length === 0 && out.length > 0 && inputs.some((v) => v.name === out[0].name);
  return { g, added, passthrough, inputs };
}

function noteFor(kind: string, params: unknown, analysis: GraphAnalysis): ExportNote | null {
  const rule = EMITTER_NOTES[kind as LayerKind] as NoteRule<never> | undefined;
  return rule?.(params as never, { downstream: new Set(analysis.order.map((id) => analysis.nodes[id].kind)) }) ?? null;
}

/** A value of the param other than `v` that its spec accepts, for the ignored-param check. */
function other(v: unknown): unknown {
  if (typeof v === "boolean") return !v;
  if (typeof v === "number") return v === 0 ? 0.25 : 0;
  throw new Error(`no alternative value for ${String(v)}`);
}

function withParam(params: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) return { ...params, [head]: value };
  return { ...params, [head]: withParam((params[head] ?? {}) as Record<string, unknown>, rest.join("."), value) };
}

const param = (params: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((p, k) => (p as Record<string, unknown>)?.[k], params);

const rows = LAYER_KINDS.flatMap((kind) =>
  LAYER_CASES[kind].map((c, i) => [`${kind} #${i + 1} ${c.name ?? JSON.stringify(c.params)}`, kind, c] as const),
);

describe("every example row: the report agrees with the emitter", () => {
  it.each(rows)("%s", (_title, kind, c) => {
    const graph = caseGraph(kind, c);
    const analysis = inferGraph(graph);
    expect(analysis.ok, JSON.stringify(analysis.diagnostics)).toBe(true);
    const report = exportReadiness(analysis, { includeDiscriminator: true });
    const row = report.nodes.find((n) => n.id === "under_test");
    expect(row).toBeDefined();
    expect(report.exportable, report.problems.join("; ")).toBe(true);
    const node = analysis.nodes.under_test;
    const note = noteFor(kind, node.params, analysis);
    const { g, added, passthrough, inputs } = emitUnderTest(analysis);

    // The report's ops are the emitter's ops.
    expect(row?.ops).toEqual(added.map((n) => n.opType));
    // Its status and reason are the note's, and a plain export has no reason.
    expect(row?.status).toBe(note?.status ?? "exported");
    expect(row?.reason).toBe(note?.reason);
    // A node that becomes nothing and hands its input on must say so in the report.
    if (passthrough) expect(note, `${kind} emits nothing: it needs a note`).not.toBeNull();
    // "dropped" means exactly that (wrappers: their inner layer is, see the wrapper rows).
    if (note?.status === "dropped" && kind !== "TimeDistributed") expect(passthrough).toBe(true);
    // An ignored input feeds no ONNX node.
    for (const i of note?.ignoredInputs ?? []) {
      expect(g.nodes.some((n) => n.inputs.includes(inputs[i].name))).toBe(false);
    }
    // An ignored param changes no byte of the file.
    const weights = seededWeights(analysis);
    const bytes = exportOnnx(analysis, { weights }).bytes;
    for (const path of note?.ignoredParams ?? []) {
      const params = withParam(c.params, path, other(param(node.params ?? {}, path)));
      const changed = inferGraph(caseGraph(kind, { ...c, params }));
      expect(changed.ok, JSON.stringify(changed.diagnostics)).toBe(true);
      expect(Buffer.from(exportOnnx(changed, { weights }).bytes).equals(Buffer.from(bytes)), path).toBe(true);
    }
  });
});

describe("statuses", () => {
  const statusOf = (graph: unknown, id: string, opts = {}) =>
    exportReadiness(inferGraph(graph), opts).nodes.find((n) => n.id === id);

  it("training-only layers are dropped, BatchNorm exports its inference form", () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [8] });
    b.chain(x, ["Dropout", { rate: 0.5 }], ["BatchNormalization"], ["GaussianNoise", { stddev: 0.1 }], ["Dense"]);
    const report = exportReadiness(inferGraph(b.build()));
    expect(report.nodes.map((n) => [n.kind, n.status])).toEqual([
      ["Input", "exported"],
      ["Dropout", "dropped"],
      ["BatchNormalization", "approximated"],
      ["GaussianNoise", "dropped"],
      ["Dense", "exported"],
    ]);
    expect(report.counts).toEqual({ exported: 2, approximated: 1, dropped: 2, notExportable: 0, excluded: 0 });
    expect(report.nodes[2].reason).toContain("moving mean and variance");
    expect(report.exportable).toBe(true);
  });

  it("VAESampling exports its mean path and says so", () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [4] });
    const [mean] = b.chain(x, ["Dense", { units: 2 }]);
    const [logVar] = b.chain(x, ["Dense", { units: 2 }]);
    const z = b.add("VAESampling", {}, { id: "z" });
    b.connect(mean, z, "mean").connect(logVar, z, "logVar");
    b.chain(z, ["Dense", { units: 4 }]);
    const row = statusOf(b.build(), "z");
    expect(row).toMatchObject({ status: "approximated", ops: [] });
    expect(row?.reason).toContain("z = mean");
  });

  it("Embedding maskZero is approximated when a recurrent layer reads the mask, noted otherwise", () => {
    const masked = sequential(
      [null],
      ["Embedding", { inputDim: 20, outputDim: 4, maskZero: true }],
      ["LSTM", { units: 3 }],
    );
    (masked.nodes[0].params as { dtype: string }).dtype = "int32";
    const row = statusOf(masked, masked.nodes[1].id);
    expect(row?.status).toBe("approximated");
    expect(row?.reason).toContain("LSTM");
    expect(row?.reason).toContain("padding (id 0)");
    const pooled = sequential(
      [null],
      ["Embedding", { inputDim: 20, outputDim: 4, maskZero: true }],
      ["GlobalAveragePooling1D"],
    );
    expect(statusOf(pooled, pooled.nodes[1].id)?.status).toBe("exported");
    expect(statusOf(pooled, pooled.nodes[1].id)?.reason).toContain("maskZero is dropped");
  });

  it("a recurrent cell activation ONNX lacks is not exportable, and the emitter agrees", () => {
    const graph = sequential([5, 3], ["LSTM", { units: 4, activation: "gelu" }], ["Dense", { units: 2 }]);
    const analysis = inferGraph(graph);
    const report = exportReadiness(analysis);
    const lstm = report.nodes[1];
    expect(lstm.status).toBe("notExportable");
    expect(lstm.reason).toContain('"gelu"');
    // The Dense after it is still judged on its own.
    expect(report.nodes[2].status).toBe("exported");
    expect(report.exportable).toBe(false);
    expect(report.problems).toEqual([`LSTM "${lstm.name}": ${lstm.reason}`]);
    expect(() => exportOnnx(analysis, { weights: seededWeights(analysis) })).toThrow(lstm.reason as string);
  });

  it("a kind without an emitter is refused by name", () => {
    const report = exportReadiness(inferGraph(sequential([4], ["Dense", { units: 2 }])), {
      emitters: { ...EMITTERS, Dense: undefined } as never,
    });
    expect(report.nodes[1]).toMatchObject({ status: "notExportable" });
    expect(report.nodes[1].reason).toContain("does not support layer kind Dense");
  });

  it("a graph with errors is not exportable: the node with the error and the nodes after it say which", () => {
    const graph = sequential([4], ["Dense", { units: -3 }], ["Dense", { units: 2 }]);
    const report = exportReadiness(inferGraph(graph));
    expect(report.exportable).toBe(false);
    const [input, bad, after] = report.nodes;
    expect(input.status).toBe("exported");
    expect(bad.status).toBe("notExportable");
    expect(bad.reason).toContain("E_PARAM_INVALID");
    expect(after.status).toBe("notExportable");
    expect(after.reason).toContain("which has errors (its input shapes are unknown)");
    expect(report.problems).toHaveLength(2);
  });

  it("a GAN exports its generator; the discriminator on request", () => {
    const b = new GraphBuilder();
    b.chain(b.add("Input", { shape: [2] }), ["Dense", { units: 3 }], ["GANGenerator", {}]);
    b.chain(b.add("Input", { shape: [3] }), ["Dense", { units: 1, activation: "sigmoid" }], ["GANDiscriminator", {}]);
    const analysis = inferGraph(b.build());
    const gen = exportReadiness(analysis);
    expect(gen.outputs).toEqual([analysis.order.find((id) => analysis.nodes[id].kind === "GANGenerator")]);
    expect(gen.counts.excluded).toBe(3);
    expect(gen.nodes.find((n) => n.kind === "GANDiscriminator")?.reason).toContain("only on request");
    const both = exportReadiness(analysis, { includeDiscriminator: true });
    expect(both.counts.excluded).toBe(0);
    expect(both.outputs).toEqual(exportOutputs(analysis, { includeDiscriminator: true }));
    expect(both.outputs).toHaveLength(2);
  });

  it("a document that is not a graph has one problem and no nodes", () => {
    const report = exportReadiness(inferGraph({ format: "something else" }));
    expect(report.exportable).toBe(false);
    expect(report.nodes).toEqual([]);
    expect(report.problems.length).toBeGreaterThan(0);
  });
});
