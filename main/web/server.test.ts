import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { MethodName, RequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { ServerMessageSchema } from "../../shared/api/wire";
import type { Host } from "../services/host";
import { startLoopbackServer } from "./loopback-server";
import type { WebServer } from "./server";

/**
 * Browser mode's defences, against the real server on an ephemeral port: every refusal is checked
 * on a raw HTTP request or WebSocket handshake, with the status a browser would see.
 */
let server: WebServer;
let host: Host;
let root: string;
let project: string;
let close: () => Promise<void>;
const token = randomBytes(24).toString("base64url");

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "netforge-root-"));
  project = join(root, "project");
  mkdirSync(project);
  writeFileSync(join(root, "secret.txt"), "not for the UI");
  ({ host, server, close } = await startLoopbackServer({
    token,
    browseRoots: [root],
    html: "<!doctype html><title>NetForge</title>",
  }));
});
afterAll(() => close());

const local = () => `127.0.0.1:${server.port}`;

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, path, headers: { Host: local(), ...headers } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** A raw WebSocket handshake: the HTTP status of a refusal, or 101 when the upgrade is accepted. */
function handshake(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port: server.port,
      path,
      headers: {
        Host: local(),
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
        ...headers,
      },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A socket as a browser tab of this server would open it (cookie and Origin). */
function open(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${local()}/api`, { headers: { Cookie: cookie(), Origin: origin() } });
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

/** One call on the wire: the reply with the same id, as a value or an ApiError. */
function send(ws: WebSocket, method: string, request: unknown, id: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: unknown) => {
      const m = ServerMessageSchema.parse(JSON.parse(String(data)));
      if ("event" in m || m.id !== id) return;
      ws.off("message", onMessage);
      if (m.ok) resolve(m.response);
      else reject(ApiError.from(m.error));
    };
    ws.on("message", onMessage);
    ws.send(JSON.stringify({ id, method, request }));
  });
}

const cookie = () => `netforge_token_${server.port}=${token}`;
const origin = () => `http://${local()}`;

describe("HTTP (the app's files)", () => {
  it("trades the printed URL's token for an HttpOnly cookie and a clean URL", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    const r = await get(`/?token=${token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe("/");
    expect(String(r.headers["set-cookie"])).toMatch(
      new RegExp(`^netforge_token_${server.port}=${token}; HttpOnly; SameSite=Strict`),
    );
    const page = await get("/", { Cookie: cookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>NetForge</title>");
    expect(String(page.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });

  it("refuses no token (401), a wrong token (403), a foreign Host (403) and a foreign Origin (403)", async () => {
    expect((await get("/")).status).toBe(401);
    expect((await get("/", { Cookie: `netforge_token_${server.port}=wrong` })).status).toBe(403);
    expect((await get("/?token=wrong")).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Origin: "http://evil.example" })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Origin: origin() })).status).toBe(200);
  });

  it("serves nothing outside the app folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd"]) {
      const r = await get(path, { Cookie: cookie() });
      expect([403, 404], path).toContain(r.status);
      expect(r.body).not.toContain("not for the UI");
    }
  });
});

describe("WebSocket API", () => {
  it("accepts the handshake only with the token, this server's Host and its Origin", async () => {
    expect(await handshake("/api", { Cookie: cookie(), Origin: origin() })).toBe(101);
    expect(await handshake(`/api?token=${token}`, {})).toBe(101);
    expect(await handshake("/api", { Origin: origin() })).toBe(401);
    expect(await handshake("/api", { Cookie: `netforge_token_${server.port}=guess`, Origin: origin() })).toBe(403);
    expect(await handshake("/api", { Cookie: cookie(), Origin: "http://evil.example" })).toBe(403);
    expect(await handshake("/api", { Cookie: cookie(), Origin: "null" })).toBe(403);
    // DNS rebinding: the attacker's name resolves to 127.0.0.1, and the page's origin matches it.
    const rebound = `rebind.evil.example:${server.port}`;
    expect(await handshake("/api", { Cookie: cookie(), Host: rebound, Origin: `http://${rebound}` })).toBe(403);
    expect(await handshake("/elsewhere", { Cookie: cookie() })).toBe(403);
  });

  describe("calls", () => {
    let ws: WebSocket;
    const client = {
      nextId: 1,
      call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
        return send(ws, method, request, this.nextId++) as Promise<ResponseOf<M>>;
      },
    };
    beforeAll(async () => {
      ws = await open();
    });
    afterAll(() => ws.close());

    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => {
          throw new Error("expected a refusal");
        },
        (e: unknown) => e as ApiError,
      );

    it("answers a typed call through the renderer's client", async () => {
      const info = await client.call("app.info", {});
      expect(info).toMatchObject({ mode: "browser", backend: null, browseRoots: [root], openedFolders: [] });
    });

    it("refuses an unknown method and a malformed payload, naming the field", async () => {
      const unknown = await refusal(client.call("projects.delete" as "app.info", {}));
      expect(unknown).toBeInstanceOf(ApiError);
      expect(unknown.code).toBe("E_UNKNOWN_METHOD");
      expect(unknown.message).toContain("expected one of app.closeResponse, app.info");
      const bad = await refusal(client.call("projects.open", { path: 42 } as never));
      expect([bad.code, bad.message]).toEqual([
        "E_BAD_REQUEST",
        "projects.open: path: must be a path (a string); received 42",
      ]);
    });

    it("answers a message that is not a call with an error instead of dropping the connection", async () => {
      const replies: unknown[] = [];
      const got = new Promise<void>((resolve) =>
        ws.on("message", (d) => {
          const m = JSON.parse(String(d));
          if (m.id === -1 || m.id === 77) replies.push(m);
          if (replies.length === 2) resolve();
        }),
      );
      ws.send("not json");
      ws.send(JSON.stringify({ id: 77, method: 5 }));
      await got;
      expect(replies).toMatchObject([
        { id: -1, ok: false, error: { code: "E_BAD_REQUEST" } },
        { id: 77, ok: false, error: { code: "E_BAD_REQUEST", message: expect.stringContaining("method") } },
      ]);
      expect((await client.call("app.info", {})).mode).toBe("browser");
    });

    it("refuses paths outside the folders the user opened, and outside --root entirely", async () => {
      const secret = join(root, "secret.txt");
      expect((await refusal(client.call("data.specForPath", { path: secret }))).code).toBe("E_FORBIDDEN_PATH");
      expect((await refusal(client.call("projects.open", { path: "/etc/passwd" }))).code).toBe("E_FORBIDDEN_PATH");
      expect((await refusal(client.call("fs.list", { path: "/etc" }))).code).toBe("E_FORBIDDEN_PATH");
      expect((await refusal(client.call("fs.openFolder", { path: "/" }))).code).toBe("E_FORBIDDEN_PATH");
      expect((await refusal(client.call("fs.openFolder", { path: `${root}/../..` }))).code).toBe("E_FORBIDDEN_PATH");
      // The folder browser lists inside --root; opening the project folder allows files in it only.
      const listing = await client.call("fs.list", {});
      expect(listing.entries.map((e) => e.name)).toEqual(["project", "secret.txt"]);
      expect(listing.parent).toBeNull();
      await client.call("fs.openFolder", { path: project });
      const up = await client.call("fs.upload", {
        folder: project,
        name: "data.csv",
        base64: Buffer.from("a,b\n1,2\n").toString("base64"),
      });
      expect(up.bytes).toBe(8);
      expect((await refusal(client.call("fs.upload", { folder: root, name: "x.csv", base64: "" }))).code).toBe(
        "E_FORBIDDEN_PATH",
      );
      expect((await refusal(client.call("data.specForPath", { path: secret }))).code).toBe("E_FORBIDDEN_PATH");
      expect((await client.call("data.specForPath", { path: join(project, "data.csv") })).spec.source.kind).toBe(
        "table",
      );
    });

    it("forwards host events to the socket", async () => {
      const seen = new Promise((resolve) =>
        ws.on("message", (d) => {
          const m = JSON.parse(String(d));
          if (m.event === "trainer.exited") resolve(m);
        }),
      );
      host.events.emit("trainer.exited", { message: "test event" });
      expect(await seen).toEqual({ event: "trainer.exited", payload: { message: "test event" } });
    });
  });
});

describe("remote access", () => {
  it("is refused without --allow-remote", async () => {
    const { startBrowserMode } = await import("./browser-mode");
    await expect(
      startBrowserMode({ staticRoot: root, port: 0, bind: "0.0.0.0", allowRemote: false, roots: [root] }),
    ).rejects.toThrow(/add --allow-remote/);
  });
});
