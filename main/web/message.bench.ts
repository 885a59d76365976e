/**
 * `npm run bench:messages`: does one client's large message stall the others? Client A sends a
 * 40 MB call (an upload-sized string) while client B sends small `app.info` calls back to back;
 * the report is B's round-trip times (median and worst) while A's message is received, parsed and
 * validated, next to B's times with nobody else talking. Not part of `npm test` (machine-bound).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { createHost } from "../services/host";
import { startWebServer } from "./server";

const BIG_BYTES = 40 * 1024 * 1024;

async function main(): Promise<void> {
  const app = mkdtempSync(join(tmpdir(), "netforge-bench-app-"));
  writeFileSync(join(app, "index.html"), "<!doctype html>");
  const root = mkdtempSync(join(tmpdir(), "netforge-bench-root-"));
  const host = createHost({
    mode: "browser",
    browseRoots: [root],
    configDir: mkdtempSync(join(tmpdir(), "netforge-bench-config-")),
    startTrainer: () => Promise.reject(new Error("no trainer in this benchmark")),
  });
  const token = randomBytes(24).toString("base64url");
  const server = await startWebServer({ host, staticRoot: app, port: 0, bind: "127.0.0.1", allowRemote: false, token });
  const connect = () =>
    new Promise<WebSocket>((ok, fail) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api`, { headers: { Authorization: `Bearer ${token}` } });
      ws.once("open", () => ok(ws));
      ws.once("error", fail);
    });
  const a = await connect();
  const b = await connect();
  let next = 1;
  const call = (ws: WebSocket, method: string, request: unknown) =>
    new Promise<void>((ok) => {
      const id = next++;
      const onMessage = (data: unknown) => {
        if ((JSON.parse(String(data)) as { id?: number }).id !== id) return;
        ws.off("message", onMessage);
        ok();
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id, method, request }));
    });
  const smallCalls = async (until: () => boolean, atLeast: number) => {
    const times: number[] = [];
    while (times.length < atLeast || !until()) {
      const t0 = performance.now();
      await call(b, "app.info", {});
      times.push(performance.now() - t0);
    }
    return times.sort((x, y) => x - y);
  };
  const quiet = await smallCalls(() => true, 50);
  let done = false;
  const big = call(a, "fs.upload", { folder: root, name: "big.bin", base64: "A".repeat(BIG_BYTES) }).then(() => {
    done = true;
  });
  const busy = await smallCalls(() => done, 5);
  await big;
  const line = (name: string, t: number[]) =>
    `${name}: ${t.length} calls, median ${t[t.length >> 1].toFixed(1)} ms, worst ${t[t.length - 1].toFixed(1)} ms`;
  console.log(line("client B alone", quiet));
  console.log(line(`client B while A sends ${BIG_BYTES / 1024 / 1024} MB`, busy));
  a.close();
  b.close();
  await server.close();
  await host.close();
}

await main();
