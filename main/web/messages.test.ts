import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { MAX_MESSAGE_BYTES } from "../../shared/api/limits";
import { ReplyMessageSchema } from "../../shared/api/wire";
import type { Host } from "../services/host";
import { openApiSocket, startLoopbackServer } from "./loopback-server";
import type { WebServer } from "./server";

/**
 * Hostile messages on a real socket of the real server: nesting that would overflow the
 * validators or make JSON.parse crawl, and messages over the size cap. Each gets a coded answer
 * (or a 1009 close), and the connection that sent a refused call keeps working.
 */
let server: WebServer;
let host: Host;
const token = randomBytes(24).toString("base64url");

let close: () => Promise<void>;

beforeAll(async () => {
  ({ host, server, close } = await startLoopbackServer({ token }));
});
afterAll(() => close());

const open = () => openApiSocket(server.port, token);

/** Sends raw text and resolves with the reply that carries `id`. */
function exchange(ws: WebSocket, text: string, id: number) {
  return new Promise<ReturnType<typeof ReplyMessageSchema.parse>>((resolve) => {
    const onMessage = (data: unknown) => {
      const m = JSON.parse(String(data));
      if (m.id !== id) return;
      ws.off("message", onMessage);
      resolve(ReplyMessageSchema.parse(m));
    };
    ws.on("message", onMessage);
    ws.send(text);
  });
}

const nested = (depth: number, inner = "1") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;

describe("nesting", () => {
  it("a request nested 10,000 levels deep is E_TOO_LARGE for its own id, and the socket goes on", async () => {
    const ws = await open();
    const reply = await exchange(ws, `{"id":7,"method":"fs.list","request":{"path":${nested(10_000, '"x"')}}}`, 7);
    expect(reply).toMatchObject({ id: 7, ok: false, error: { code: "E_TOO_LARGE" } });
    expect(!reply.ok && reply.error.message).toMatch(/nested more than 64 levels deep; expected at most 64/);
    const info = await exchange(ws, JSON.stringify({ id: 8, method: "app.info", request: {} }), 8);
    expect(info.ok).toBe(true);
    ws.close();
  });

  it("a million brackets are refused from the text, before parsing", async () => {
    const ws = await open();
    const reply = await exchange(ws, `{"id":9,"method":"app.info","request":${nested(1_000_000)}}`, 9);
    expect(reply).toMatchObject({ id: 9, ok: false, error: { code: "E_TOO_LARGE" } });
    ws.close();
  });

  it("nesting inside strings does not count, and 64 levels are accepted (validated as usual)", async () => {
    const ws = await open();
    const inString = JSON.stringify({ id: 10, method: "fs.list", request: { path: nested(5_000) } });
    const reply = await exchange(ws, inString, 10);
    expect(reply).toMatchObject({ ok: false, error: { code: "E_BAD_REQUEST" } });
    const deepest = `{"id":11,"method":"fs.list","request":{"path":${nested(63)}}}`;
    const at64 = await exchange(ws, deepest, 11);
    expect(at64).toMatchObject({ ok: false, error: { code: "E_BAD_REQUEST" } });
    expect(!at64.ok && at64.error.message).toMatch(/received \[\[\[/);
    ws.close();
  });

  it("the host refuses a deep request from any transport (IPC passes values, not text)", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const reply = await host.reply("projects.import", { text: deep }, { clientId: "ipc" });
    expect(reply).toMatchObject({ ok: false, error: { code: "E_TOO_LARGE" } });
  });
});

describe("size", () => {
  it(`a message over ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB closes the socket with 1009 (message too big), not 1006`, async () => {
    const ws = await open();
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    ws.on("error", () => {});
    ws.send(JSON.stringify({ id: 1, method: "app.info", request: { pad: "x".repeat(MAX_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
  });
});
