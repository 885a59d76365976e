import { describe, expect, it } from "vitest";
import { ACTIVATIONS } from "../../../shared/layers/activations";
import { LAYERS } from "../../../shared/layers/catalog";
import { type MathNode, mathToText, parseMath } from "./math";

const kinds = (nodes: MathNode[]) => nodes.filter((n) => n.t !== "space").map((n) => n.t);

describe("parseMath", () => {
  it("scripts one token or a bracketed group, dropping the group's brackets", () => {
    expect(mathToText(parseMath("e^(z_i) / sum_{j=1..C} e^(z_j)"))).toBe("e^(z_(i)) / ∑_(j=1..C) e^(z_(j))");
    expect(mathToText(parseMath("h_(t-1)"))).toBe("h_(t−1)");
    expect(mathToText(parseMath("sigma_B^2"))).toBe("σ_(B)^(2)");
  });

  it("turns Greek names, roots, relations and arrows into symbols", () => {
    expect(mathToText(parseMath("w <- w + eta (y - y_hat) x"))).toBe("w ← w + η (y − y_(hat)) x");
    expect(mathToText(parseMath("phi(x) = e^(-x^2 / 2) / sqrt(2 pi)"))).toBe("φ(x) = e^(−x^(2) / 2) / √(2 π)");
    expect(mathToText(parseMath("x >= theta, x != 0, (-inf, inf)"))).toBe("x ≥ θ, x ≠ 0, (−∞, ∞)");
  });

  it("sets single letters as variables, known functions upright and longer names as words", () => {
    expect(kinds(parseMath("y = tanh(x) units"))).toEqual(["var", "op", "fn", "punct", "var", "punct", "word"]);
  });

  it("keeps a hyphen inside a word and a minus between terms", () => {
    expect(mathToText(parseMath("cross-correlation, k-1, a - b"))).toBe("cross-correlation, k−1, a − b");
  });

  it("keeps a signed short exponent together", () => {
    expect(parseMath("e^-x")).toEqual([
      { t: "var", s: "e" },
      {
        t: "sup",
        c: [
          { t: "op", s: "−" },
          { t: "var", s: "x" },
        ],
      },
    ]);
  });

  it("never throws and loses no characters on every formula in the catalog", () => {
    const formulas = [
      ...LAYERS.map((s) => s.doc.formula),
      ...Object.values(ACTIVATIONS).flatMap((a) => [a.formula, a.derivative]),
      "unbalanced ( ^ _ {",
    ];
    for (const f of formulas) {
      const letters = (s: string) => s.replace(/[^0-9]/g, "");
      // Digits are never rewritten, so they are a cheap check that nothing was dropped.
      expect(letters(mathToText(parseMath(f)))).toBe(letters(f));
    }
  });
});
