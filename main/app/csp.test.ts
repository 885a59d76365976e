import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("denies by default and allows only the app's own scripts in production", () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get("default-src")).toEqual(["'none'"]);
    expect(d.get("script-src")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    const all = [...d.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("*");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("lets the dev server's scripts, styles and HMR socket through, and nothing else", () => {
    const d = directives(contentSecurityPolicy({ devServerUrl: "http://localhost:5173/" }));
    expect(d.get("script-src")).toEqual(["'self'", "'unsafe-inline'", "http://localhost:5173"]);
    expect(d.get("connect-src")).toEqual(["'self'", "http://localhost:5173", "ws://localhost:5173"]);
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("refuses a dev server URL that is not http(s), naming it", () => {
    expect(() => contentSecurityPolicy({ devServerUrl: "file:///x" })).toThrow(
      /http\(s\) URL; received "file:\/\/\/x"/,
    );
    expect(() => contentSecurityPolicy({ devServerUrl: "localhost:5173" })).toThrow(/http\(s\) URL/);
  });
});
