/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

// Every component's and stylesheet's source text, read by the bundler (the renderer may not import node:fs).
const SOURCES = import.meta.glob<string>(["../**/*.tsx", "../**/*.css", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("the UI draws its icons", () => {
  it("shows no emoji, which render as empty boxes on a system without an emoji font", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    // Emoji_Presentation: shown as a coloured emoji by default; U+FE0F asks for emoji presentation.
    const emoji = Object.entries(SOURCES).flatMap(([file, text]) =>
      [...text.matchAll(/\p{Emoji_Presentation}|\uFE0F/gu)].map((m) => `${file}: ${m[0]}`),
    );
    expect(emoji).toEqual([]);
  });
});
