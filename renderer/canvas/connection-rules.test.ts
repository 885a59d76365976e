import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../shared/ir/builder";
import type { Project } from "../../shared/ir/project";
import { cnn, projectOf } from "../state/__fixtures__/projects";
import { analyze } from "../state/analysis";
import { removeElements } from "../state/edits";
import { type ConnectionRequest, checkConnection } from "./connection-rules";

const check = (p: Project, c: ConnectionRequest) => checkConnection(p, analyze(p.graph), c);
const reason = (p: Project, c: ConnectionRequest) => {
  const r = check(p, c);
  return r.ok ? "ok" : r.reason;
};

describe("connection rules", () => {
  const open = removeElements(cnn(), { nodeIds: ["flatten_1"] });

  it("accepts a wire into a free input whose rank fits, image into Dense included (a warning, not a refusal)", () => {
    expect(check(open, { source: "conv2d_1", target: "dense_1" })).toEqual({ ok: true });
    expect(check(open, { source: "conv2d_1", sourceHandle: "out", target: "dense_1", targetHandle: "in" })).toEqual({
      ok: true,
    });
  });

  it("refuses ports that do not exist, taken inputs, self-loops and Inputs as targets", () => {
    expect(reason(open, { source: "conv2d_1", target: "dense_1", targetHandle: "query" })).toContain(
      'has no input "query"',
    );
    expect(reason(open, { source: "conv2d_1", sourceHandle: "state", target: "dense_1" })).toContain(
      'has no output "state"',
    );
    expect(reason(open, { source: "input_1", target: "conv2d_1" })).toContain("already connected");
    expect(reason(cnn(), { source: "input_1", target: "flatten_1" })).toMatch(
      /takes one connection and already has one from Conv2D "conv2d_1"/,
    );
    expect(reason(open, { source: "dense_1", target: "dense_1" })).toContain("cannot feed itself");
    expect(reason(open, { source: "dense_1", target: "input_1" })).toContain("takes no inputs");
    expect(reason(open, { source: "ghost", target: "input_1" })).toContain('"ghost" does not exist');
  });

  it("refuses a wire that would close a cycle", () => {
    const b = new GraphBuilder();
    const [, a, c] = b.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 4 }], ["Dense", { units: 4 }]);
    const add = b.add("Add");
    b.connect(c, add);
    expect(reason(projectOf(b.build()), { source: add, target: a, targetHandle: "in" })).toMatch(/already has one/);
    expect(reason(projectOf(b.build()), { source: c, target: add })).toContain("already connected");
    const d = new GraphBuilder();
    const [, x] = d.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 4 }]);
    const m = d.add("Add");
    d.connect(x, m);
    const y = d.add("Dense", { units: 4 });
    d.connect(m, y);
    expect(reason(projectOf(d.build()), { source: y, target: m })).toMatch(/would make a cycle/);
  });

  it("refuses a tensor of the wrong rank with the layer's own message", () => {
    const b = new GraphBuilder();
    b.add("Input", { shape: [16] });
    b.add("Conv2D", { filters: 4 });
    expect(reason(projectOf(b.build()), { source: "input_1", target: "conv2d_1" })).toMatch(
      /Conv2D expects input of rank 3.*received rank 1 \[16\]/,
    );
  });

  it("allows mismatched sizes that a fix can repair", () => {
    const b = new GraphBuilder();
    const [x, d] = b.chain(null, ["Input", { shape: [8] }], ["Dense", { units: 16 }]);
    const add = b.add("Add");
    b.connect(d, add);
    expect(check(projectOf(b.build()), { source: x, target: add })).toEqual({ ok: true });
  });
});
