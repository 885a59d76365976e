import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inferGraph } from "../shapes/infer";
import { isGanGraph } from "./gan-losses";

const graphOf = (id: string) =>
  inferGraph(JSON.parse(readFileSync(`resources/templates/${id}.netforge.json`, "utf8")).graph);

describe("isGanGraph", () => {
  it("tells a GAN (its own two losses) from other generative and plain models", () => {
    expect(isGanGraph(graphOf("gan-ring"))).toBe(true);
    expect(isGanGraph(graphOf("vae"))).toBe(false);
    expect(isGanGraph(graphOf("xor"))).toBe(false);
  });
});
