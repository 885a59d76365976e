import { describe, expect, it } from "vitest";
import type { ResponseOf } from "../../../shared/api/contract";
import { groupTemplates, matchesQuery, minutesLabel, targetLabel } from "./gallery-groups";

type TemplateSummary = ResponseOf<"templates.list">["templates"][number];

const card = (id: string, category: string, lesson?: TemplateSummary["lesson"]): TemplateSummary => ({
  id,
  name: id,
  description: `about ${id}`,
  category,
  graph: { format: "netforge.graph", version: 1, nodes: [], edges: [] },
  nodeCount: 0,
  dataKind: null,
  ...(lesson ? { lesson } : {}),
});

describe("the gallery's sections", () => {
  it("puts the course units in course order, other categories after them, each once", () => {
    const groups = groupTemplates([
      card("gan", "Generative models"),
      card("other", "Classification"),
      card("and", "Perceptrons"),
      card("lstm", "Recurrent networks"),
      card("or", "Perceptrons"),
      card("misc", "Other"),
    ]);
    expect(groups.map((g) => [g.unit, g.templates.map((t) => t.id)])).toEqual([
      ["Perceptrons", ["and", "or"]],
      ["Recurrent networks", ["lstm"]],
      ["Generative models", ["gan"]],
      ["Classification", ["other"]],
      ["Other", ["misc"]],
    ]);
  });

  it("finds templates by what their lesson teaches as well as by name and unit", () => {
    const t = card("xor", "Multilayer networks", {
      unit: "Multilayer networks",
      teaches: "A hidden layer bends space",
    });
    expect(matchesQuery(t, "  HIDDEN ")).toBe(true);
    expect(matchesQuery(t, "multilayer")).toBe(true);
    expect(matchesQuery(t, "convolution")).toBe(false);
    expect(matchesQuery(t, "")).toBe(true);
  });

  it("says the target and the expected time in a few words, and nothing for what is missing", () => {
    expect(targetLabel({ metric: "val_accuracy", atLeast: 0.9 })).toBe("val_accuracy ≥ 0.9");
    expect(targetLabel({ metric: "val_loss", atMost: 0.05 })).toBe("val_loss ≤ 0.05");
    expect(targetLabel(undefined)).toBeNull();
    expect(minutesLabel(0.2)).toBe("< 1 min");
    expect(minutesLabel(2.6)).toBe("about 3 min");
    for (const bad of [undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(minutesLabel(bad)).toBeNull();
  });
});
