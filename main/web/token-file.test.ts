import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { refusal } from "../services/test-host";
import { startLoopbackServer } from "./loopback-server";
import { TokenFileError, tokenFilePath, tokenFromFile } from "./token-file";

/** Stable tokens (--token-file, NETFORGE_TOKEN_FILE) on real files with real permissions. */
const dir = () => mkdtempSync(join(tmpdir(), "netforge-token-"));
const posix = process.platform !== "win32";

const refused = (p: Promise<unknown>) => refusal(p, TokenFileError);

describe("token file", () => {
  it("is created with a random token and mode 0600 when missing (folders too), then read back", async () => {
    const path = join(dir(), "nested", "token");
    const token = await tokenFromFile(path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(path, "utf8")).toBe(`${token}\n`);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await tokenFromFile(path)).toBe(token);
    expect(await tokenFromFile(join(dir(), "token"))).not.toBe(token);
  });

  it.skipIf(!posix)("is refused when others may read it, naming the mode and the fix", async () => {
    const path = join(dir(), "token");
    await tokenFromFile(path);
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(path, mode);
      const e = await refused(tokenFromFile(path));
      expect(e.message).toContain(`(mode 0${mode.toString(8)}); expected 0600 (owner only): run chmod 600 ${path}`);
    }
    chmodSync(path, 0o400);
    expect(await tokenFromFile(path)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is refused when too short, too simple or not one line of URL-safe characters, without printing it", async () => {
    const path = join(dir(), "token");
    const cases: [string, RegExp][] = [
      ["hunter2", /is 7 characters long; expected at least 32/],
      ["", /is 0 characters long; expected at least 32/],
      ["ab".repeat(20), /uses only 2 different characters; expected a random one with at least 12/],
      [`${"a1b2c3d4e5f6g7h8".repeat(3)} x`, /characters other than A-Z, a-z, 0-9/],
      ["token;with;semicolons;and;more;than;32", /characters other than/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(path, content, { mode: 0o600 });
      chmodSync(path, 0o600);
      const e = await refused(tokenFromFile(path));
      expect(e.message).toMatch(message);
      if (content.length > 3) expect(e.message).not.toContain(content);
    }
    writeFileSync(path, `\n  ${"Q7x-_Lm2Zp9Rk4Wv8Ns1Td6Yb3Hc5Jf0G"}  \n`);
    expect(await tokenFromFile(path)).toBe("Q7x-_Lm2Zp9Rk4Wv8Ns1Td6Yb3Hc5Jf0G");
    const folder = await refused(tokenFromFile(dir()));
    expect(folder.message).toMatch(/is not a file/);
  });

  it("comes from --token-file (working folder), else NETFORGE_TOKEN_FILE (config folder), else nowhere", () => {
    expect(tokenFilePath("t", { NETFORGE_TOKEN_FILE: "/x" }, "/cfg")).toBe(join(process.cwd(), "t"));
    expect(tokenFilePath(undefined, { NETFORGE_TOKEN_FILE: "token" }, "/cfg")).toBe(join("/cfg", "token"));
    expect(tokenFilePath(undefined, { NETFORGE_TOKEN_FILE: "/abs/t" }, "/cfg")).toBe("/abs/t");
    expect(tokenFilePath(undefined, {}, "/cfg")).toBeNull();
  });

  it("keeps a bookmarked URL working across server restarts", async () => {
    const path = join(dir(), "token");
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { server, close } = await startLoopbackServer({ token: await tokenFromFile(path) });
      urls.push(server.url.replace(/:\d+\//, ":PORT/"));
      const res = await fetch(server.url.replace("?token=", "index.html?token="), { redirect: "manual" });
      expect(res.status).toBe(303);
      await close();
    }
    expect(urls[0]).toBe(urls[1]);
  });
});
