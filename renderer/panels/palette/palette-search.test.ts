import { describe, expect, it } from "vitest";
import { LAYERS } from "../../../shared/layers/catalog";
import { groupByCategory, searchLayers } from "./palette-search";

const kinds = (q: string) => searchLayers(q).map((s) => s.kind);

describe("searchLayers", () => {
  it("finds layers by alias, best match first", () => {
    expect(kinds("fully connected")[0]).toBe("Dense");
    expect(kinds("atrous")[0]).toBe("Conv2D");
    expect(kinds("fc")[0]).toBe("Dense");
  });

  it("ranks a name match above an alias and a summary mention", () => {
    expect(kinds("dropout")[0]).toBe("Dropout");
    expect(kinds("lstm")[0]).toBe("LSTM");
  });

  it("needs every word to match, across separators", () => {
    expect(kinds("conv 2d")).toContain("Conv2D");
    expect(kinds("max pool")).toContain("MaxPooling2D");
    expect(kinds("zzz conv")).toEqual([]);
  });

  it("keeps the whole catalog, in order, for an empty query", () => {
    expect(kinds("  ")).toEqual(LAYERS.map((s) => s.kind));
  });
});

describe("groupByCategory", () => {
  it("puts every kind in exactly one group and drops empty categories", () => {
    const groups = groupByCategory(LAYERS);
    expect(groups.flatMap((g) => g.specs).length).toBe(LAYERS.length);
    expect(groupByCategory(searchLayers("dense")).every((g) => g.specs.length > 0)).toBe(true);
  });
});
