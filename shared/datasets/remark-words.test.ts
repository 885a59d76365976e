import { describe, expect, it } from "vitest";
import { productRemarks } from "./remark-words";

const POSITIVE_WORDS =
  /\b(perfectly|excellent|sturdy|worth|exceeded|great|pleasure|really well|comfortable|reliable|fantastic|exactly|best|lovely|brilliant)\b/;

describe("generated product remarks", () => {
  const remarks = productRemarks({ n: 600, seed: 2024 });

  it("are balanced, distinct, and the same for the same seed", () => {
    expect(remarks.filter((r) => r.label === "positive")).toHaveLength(300);
    expect(new Set(remarks.map((r) => r.text)).size).toBe(600);
    expect(productRemarks({ n: 600, seed: 2024 })).toEqual(remarks);
    expect(productRemarks({ n: 600, seed: 7 })).not.toEqual(remarks);
  });

  it("label a contrast by its clause after 'but', and plain remarks by their one opinion", () => {
    const contrasts = remarks.filter((r) => r.text.includes(" at first but now it "));
    // About one in six, as documented.
    expect(contrasts.length).toBeGreaterThan(60);
    expect(contrasts.length).toBeLessThan(140);
    for (const r of remarks) {
      const decisive = r.text.split(" at first but now it ").at(-1) as string;
      const positive = POSITIVE_WORDS.test(decisive.replace(/looks nice but falls apart/, ""));
      expect(positive, r.text).toBe(r.label === "positive");
    }
  });

  it("says when it cannot make as many distinct remarks as asked", () => {
    expect(() => productRemarks({ n: 1_000_000, seed: 1 })).toThrow(
      /cannot make 1000000 distinct remarks \(at most 230400\)/,
    );
  });
});
