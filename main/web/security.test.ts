import { describe, expect, it } from "vitest";
import { checkHost, checkOrigin, checkToken, type Gate, presentedToken } from "./security";

const gate = (allowRemote: boolean): Gate => ({ port: 5317, allowRemote, names: ["gpu-box"], token: "secret-token" });

describe("browser-mode request rules", () => {
  it("accepts loopback Host headers on our port only", () => {
    for (const host of ["127.0.0.1:5317", "localhost:5317", "[::1]:5317", "LOCALHOST:5317"])
      expect(checkHost(host, gate(false)).ok, host).toBe(true);
    for (const host of [
      undefined,
      "",
      "127.0.0.1",
      "127.0.0.1:80",
      "evil.example:5317",
      "10.0.0.2:5317",
      "gpu-box:5317",
    ])
      expect(checkHost(host, gate(false)), String(host)).toMatchObject({ ok: false, status: 403 });
  });

  it("with remote access, also accepts IP literals and configured names, never other names", () => {
    for (const host of ["10.0.0.2:5317", "[fe80::1]:5317", "gpu-box:5317"])
      expect(checkHost(host, gate(true)).ok, host).toBe(true);
    expect(checkHost("rebind.evil.example:5317", gate(true)).ok).toBe(false);
  });

  it("accepts only our own Origin (or none, from non-browser clients)", () => {
    expect(checkOrigin(undefined, "127.0.0.1:5317").ok).toBe(true);
    expect(checkOrigin("http://127.0.0.1:5317", "127.0.0.1:5317").ok).toBe(true);
    for (const origin of ["http://localhost:5317", "http://127.0.0.1:5318", "null", "file://", "https://evil.example"])
      expect(checkOrigin(origin, "127.0.0.1:5317"), origin).toMatchObject({ ok: false, status: 403 });
  });

  it("finds the token in the query, a bearer header or this port's cookie", () => {
    const url = (q = "") => new URL(`http://127.0.0.1:5317/api${q}`);
    expect(presentedToken({}, url("?token=a"), "c")).toBe("a");
    expect(presentedToken({ authorization: "Bearer b" }, url(), "c")).toBe("b");
    expect(presentedToken({ cookie: "x=1; c=d; e=2" }, url(), "c")).toBe("d");
    expect(presentedToken({ cookie: "cc=d" }, url(), "c")).toBeNull();
    expect(checkToken(null, gate(false))).toMatchObject({ ok: false, status: 401 });
    expect(checkToken("secret-toke", gate(false))).toMatchObject({ ok: false, status: 403 });
    expect(checkToken("secret-token", gate(false)).ok).toBe(true);
  });
});
