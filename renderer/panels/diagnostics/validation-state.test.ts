import { describe, expect, it } from "vitest";
import { inferGraph } from "../../../shared/shapes/infer";
import { EMPTY_GRAPH_HINT, validationState } from "./validation-state";

const empty = inferGraph({ format: "netforge.graph", version: 1, nodes: [], edges: [] }).diagnostics;

describe("validationState", () => {
  it("shows an empty canvas as a next step, not as a red error", () => {
    // The analysis itself still calls an empty graph an error (training refuses it).
    expect(empty.map((d) => d.severity)).toEqual(["error"]);
    const s = validationState(empty, 0);
    expect(s).toMatchObject({ kind: "empty", text: "Empty", errors: 0, warnings: 0, problems: [] });
    expect(s.detail).toBe(EMPTY_GRAPH_HINT);
  });

  it("counts errors and warnings of a graph with blocks, first error first", () => {
    const diagnostics = [
      { code: "W_UNUSED_INPUT", severity: "warning", message: "unused" },
      { code: "E_NO_OUTPUT", severity: "error", message: "no output" },
      { code: "E_NO_OUTPUT", severity: "error", message: "again" },
    ] as const;
    const s = validationState([...diagnostics], 2);
    expect(s).toMatchObject({
      kind: "error",
      text: "2 errors",
      errors: 2,
      warnings: 1,
      detail: "E_NO_OUTPUT: no output",
    });
    expect(validationState([diagnostics[0]], 2)).toMatchObject({ kind: "warning", text: "1 warning" });
    expect(validationState([], 2)).toMatchObject({ kind: "ok", text: "Valid", detail: "Every shape checks out" });
  });
});
