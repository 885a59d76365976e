import { describe, expect, it } from "vitest";
import type { ResponseOf } from "../../../shared/api/contract";
import { sequential } from "../../../shared/ir/builder";
import { dataKindLabel, groupTemplates, matchesQuery, minutesLabel, paramsLabel, targetLabel } from "./gallery-groups";

type TemplateSummary = ResponseOf<"templates.list">["templates"][number];

const card = (id: string, category: string, lesson?: TemplateSummary["lesson"]): TemplateSummary => ({
  id,
  name: id,
  description: `about ${id}`,
  category,
  graph: { format: "netforge.graph", version: 1, nodes: [], edges: [] },
  nodeCount: 0,
  paramCount: null,
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
    expect(minutesLabel(0.2)).toBe("under a minute on a laptop CPU");
    expect(minutesLabel(2.4)).toBe("about 2 min on a laptop CPU");
    for (const bad of [undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(minutesLabel(bad)).toBeNull();
  });

  it("finds templates by the kinds of their layers and by their data kind, in either spelling", () => {
    const t: TemplateSummary = {
      ...card("sequences", "Recurrent networks"),
      dataKind: "sentencePairs",
      graph: sequential([5, 3], ["LSTM", { units: 4 }]),
    };
    expect(matchesQuery(t, "lstm")).toBe(true);
    expect(matchesQuery(t, "sentence pairs")).toBe(true);
    expect(matchesQuery(t, "sentencePairs")).toBe(true);
    expect(matchesQuery(t, "GRU")).toBe(false);
    expect(matchesQuery(card("gru", "Recurrent networks"), "lstm")).toBe(false);
  });

  it("writes parameter counts with thousands separators and data kinds in a learner's words", () => {
    expect(paramsLabel(61_706)).toBe("61,706 parameters");
    expect(paramsLabel(1)).toBe("1 parameter");
    expect(paramsLabel(0)).toBe("0 parameters");
    expect(paramsLabel(1_234_567_890)).toBe("1,234,567,890 parameters");
    for (const bad of [null, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(paramsLabel(bad)).toBeNull();
    expect(dataKindLabel("idx")).toBe("IDX");
    expect(dataKindLabel("imageFolder")).toBe("images");
    expect(dataKindLabel("sentencePairs")).toBe("sentence pairs");
    expect(dataKindLabel("timeSeries")).toBe("series");
    expect(dataKindLabel("hdf5")).toBe("hdf5");
  });
});
