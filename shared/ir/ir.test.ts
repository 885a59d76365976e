import { describe, expect, it } from "vitest";
import { nextEdgeId, nextNodeId } from "./ids";
import { parseDocument, parseGraph } from "./load";
import { stableStringify } from "./serialize";
import { topologicalOrder } from "./topo";

describe("ids", () => {
  it("makes Keras-style readable ids that do not collide", () => {
    expect(nextNodeId("Conv2D", [])).toBe("conv2d_1");
    expect(nextNodeId("Conv2D", ["conv2d_1", "conv2d_2"])).toBe("conv2d_3");
    expect(nextNodeId("MultiHeadAttention", [])).toBe("multi_head_attention_1");
    expect(nextNodeId("LSTM", [])).toBe("lstm_1");
    expect(nextNodeId("VAESampling", [])).toBe("vae_sampling_1");
    expect(nextNodeId("MaxPooling2D", [])).toBe("max_pooling2d_1");
    expect(nextNodeId("Conv2DTranspose", [])).toBe("conv2d_transpose_1");
    expect(nextNodeId("GlobalAveragePooling2D", [])).toBe("global_average_pooling2d_1");
    expect(nextEdgeId(["e1", "e3"])).toBe("e2");
  });
});

describe("stableStringify", () => {
  it("sorts keys at every depth, keeps array order, indents by 2 and ends with a newline", () => {
    const text = stableStringify({
      b: 1,
      a: { d: [3, 1, { z: 1, y: 2 }], c: undefined },
    });
    expect(text).toBe(
      '{\n  "a": {\n    "d": [\n      3,\n      1,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

describe("topologicalOrder", () => {
  const e = (source: string, target: string) => ({ source, target });
  it("orders a DAG and breaks ties by node list order", () => {
    const r = topologicalOrder(["c", "a", "b", "d"], [e("a", "d"), e("b", "d"), e("c", "a")]);
    expect(r.order).toEqual(["c", "a", "b", "d"]);
    expect(r.cyclic).toEqual([]);
  });
  it("finds the nodes on a cycle, not the ones merely downstream of it", () => {
    const r = topologicalOrder(["in", "a", "b", "after"], [e("in", "a"), e("a", "b"), e("b", "a"), e("b", "after")]);
    expect(r.order).toEqual(["in"]);
    expect(r.cyclic).toEqual(["a", "b", "after"]);
    expect(r.onCycle).toEqual(["a", "b"]);
  });
  it("treats a self-loop as a cycle", () => {
    expect(topologicalOrder(["a"], [e("a", "a")]).onCycle).toEqual(["a"]);
  });
  it("orders a 10,000-node chain without recursion limits", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => e(ids[i], id));
    expect(topologicalOrder([...ids].reverse(), edges).order).toEqual(ids);
  });
});

describe("document parsing", () => {
  it("names the path, the expectation and the received value", () => {
    const r = parseGraph({
      format: "netforge.graph",
      version: 1,
      nodes: [{ id: "bad id!", kind: "Dense", params: {} }],
      edges: [],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0].code).toBe("E_INVALID_DOCUMENT");
    expect(r.diagnostics[0].message).toContain("nodes[0].id");
    expect(r.diagnostics[0].message).toContain('"bad id!"');
  });
  it("rejects unknown fields instead of silently dropping them", () => {
    const r = parseGraph({
      format: "netforge.graph",
      version: 1,
      nodes: [],
      edges: [],
      shapes: {},
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0].message).toContain('unknown field(s) "shapes"');
  });
  it("refuses a file from a newer version with E_UNSUPPORTED_VERSION", () => {
    const r = parseGraph({
      format: "netforge.graph",
      version: 99,
      nodes: [],
      edges: [],
    });
    expect(r.ok ? null : r.diagnostics[0].code).toBe("E_UNSUPPORTED_VERSION");
  });
  it.each([null, 3, "text", [], {}, { format: "keras" }])("refuses non-documents: %j", (raw) => {
    const r = parseDocument(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0].message).toMatch(/expected a NetForge document/);
  });
});
