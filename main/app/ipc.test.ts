import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserWindow, IpcMain } from "electron";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { NetforgeBridge } from "../../shared/api/bridge";
import { contract } from "../../shared/api/contract";
import { createBridge, type RendererIpc } from "../preload/bridge";
import { IPC_CHANNELS } from "../preload/channels";
import { createHost } from "../services/host";
import { isAppUrl } from "./app-url";
import { attachIpc, type IpcBridge } from "./ipc";

/**
 * The Electron transport end to end without Electron: the real preload bridge, the real main-side
 * wiring (attachIpc) and the real host, joined by a stand-in for Electron's IPC that copies every
 * argument with structuredClone, as Electron's serialisation does.
 */
type Frame = { url: string; top: boolean } | null;

class FakeIpc {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  readonly listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  readonly toRenderer = new Map<number, ((event: unknown, ...args: unknown[]) => void)[]>();
  invokes = 0;

  readonly ipcMain = {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, fn);
    },
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), fn]);
    },
    removeHandler: (channel: string) => this.handlers.delete(channel),
    removeAllListeners: (channel: string) => this.listeners.delete(channel),
  } as unknown as IpcMain;

  /** The renderer side of one frame in one webContents. */
  renderer(webContentsId: number, frame: () => Frame): RendererIpc {
    const event = () => ({ sender: { id: webContentsId }, senderFrame: senderFrame(frame()) });
    return {
      invoke: async (channel, ...args) => {
        this.invokes++;
        const handler = this.handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return structuredClone(await handler(event(), ...structuredClone(args)));
      },
      send: (channel, ...args) => {
        for (const l of this.listeners.get(channel) ?? []) l(event(), ...structuredClone(args));
      },
      on: (channel, listener) => {
        if (channel === IPC_CHANNELS.event) {
          this.toRenderer.set(webContentsId, [...(this.toRenderer.get(webContentsId) ?? []), listener]);
        }
      },
    };
  }

  /** A BrowserWindow stand-in whose webContents.send reaches that webContents' renderer. */
  window(id: number): BrowserWindow & { contents: EventEmitter } {
    const contents = Object.assign(new EventEmitter(), {
      id,
      send: (channel: string, ...args: unknown[]) => {
        if (channel !== IPC_CHANNELS.event) throw new Error(`unexpected channel ${channel}`);
        for (const l of this.toRenderer.get(id) ?? []) l({ sender: "ipcRenderer" }, ...structuredClone(args));
      },
    });
    return Object.assign(new EventEmitter(), {
      webContents: contents,
      contents,
      isDestroyed: () => false,
    }) as unknown as BrowserWindow & { contents: EventEmitter };
  }
}

function senderFrame(frame: Frame) {
  return frame ? { url: frame.url, parent: frame.top ? null : { url: "netforge://app/index.html" } } : null;
}

const names = { methods: contract.methodNames, events: contract.eventNames };
const root = mkdtempSync(join(tmpdir(), "netforge-ipc-"));
const chosen = mkdtempSync(join(root, "chosen-"));
writeFileSync(join(chosen, "iris.csv"), "a,b\n1,2\n");
const host = createHost({
  mode: "electron",
  browseRoots: [mkdtempSync(join(root, "browse-"))],
  configDir: join(root, "config"),
  shell: { openDialog: async () => join(chosen, "iris.csv") },
});
afterAll(() => host.close());

let ipc: FakeIpc;
let wiring: IpcBridge;
let frame: Frame;
let bridge: NetforgeBridge;
beforeEach(() => {
  wiring?.dispose();
  ipc = new FakeIpc();
  wiring = attachIpc(host, (url) => isAppUrl(url), ipc.ipcMain);
  wiring.attach(ipc.window(1));
  frame = { url: "netforge://app/index.html", top: true };
  bridge = createBridge(
    ipc.renderer(1, () => frame),
    names,
  );
});

describe("the preload's window.netforge", () => {
  it("is mode, invoke and on, frozen", () => {
    expect(Object.keys(bridge).sort()).toEqual(["invoke", "mode", "on"]);
    expect(bridge.mode).toBe("electron");
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("calls the host and returns its answer", async () => {
    const reply = await bridge.invoke("app.info", {});
    expect(reply.ok).toBe(true);
    expect(reply.ok && (reply.response as { mode: string }).mode).toBe("electron");
  });

  it("refuses a method outside the contract without touching IPC", async () => {
    const reply = await bridge.invoke("fs.deleteEverything", {});
    expect(reply).toMatchObject({ ok: false, error: { code: "E_UNKNOWN_METHOD" } });
    expect(!reply.ok && reply.error.message).toContain("expected one of app.closeResponse, app.info");
    expect(ipc.invokes).toBe(0);
  });

  it("passes the host's validation errors through with their code", async () => {
    const reply = await bridge.invoke("fs.list", { path: 42 });
    expect(reply).toMatchObject({ ok: false, error: { code: "E_BAD_REQUEST" } });
    expect(!reply.ok && reply.error.message).toMatch(/^fs\.list: path: .*received 42/);
  });

  it("refuses unknown events and non-function listeners", () => {
    expect(() => bridge.on("fs.secrets", () => {})).toThrow(/unknown event "fs.secrets"; expected one of/);
    expect(() => bridge.on("train.status", "alert(1)" as never)).toThrow(/expected a listener function/);
  });
});

describe("the main side", () => {
  it("handles exactly one call channel and one notice channel", () => {
    expect([...ipc.handlers.keys()]).toEqual([IPC_CHANNELS.invoke]);
    expect([...ipc.listeners.keys()]).toEqual([IPC_CHANNELS.listen]);
  });

  it("validates method names itself when the preload is bypassed", async () => {
    const raw = ipc.renderer(1, () => frame);
    await expect(raw.invoke(IPC_CHANNELS.invoke, "__proto__", {})).resolves.toMatchObject({
      ok: false,
      error: { code: "E_UNKNOWN_METHOD" },
    });
    await expect(raw.invoke(IPC_CHANNELS.invoke, { method: "app.info" }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: "E_UNKNOWN_METHOD" },
    });
    await expect(raw.invoke("netforge:eval", "1+1")).rejects.toThrow(/No handler registered/);
  });

  it.each<[string, number, Frame]>([
    ["another webContents", 2, { url: "netforge://app/index.html", top: true }],
    ["a subframe of the window", 1, { url: "netforge://app/index.html", top: false }],
    ["a foreign page in the window", 1, { url: "https://evil.example/", top: true }],
    ["a frame that has gone", 1, null],
  ])("refuses calls from %s", async (_what, id, from) => {
    const stranger = createBridge(
      ipc.renderer(id, () => from),
      names,
    );
    const reply = await stranger.invoke("app.info", {});
    expect(reply).toMatchObject({ ok: false, error: { code: "E_INTERNAL" } });
    expect(!reply.ok && reply.error.message).toMatch(/refused an IPC call/);
  });

  it("forwards host events to the window's listeners until they unsubscribe", () => {
    const seen: unknown[] = [];
    const off = bridge.on("train.status", (p) => seen.push(p));
    host.events.emit("train.status", { runId: "r1", status: "paused" });
    off();
    off();
    host.events.emit("train.status", { runId: "r1", status: "running" });
    expect(seen).toEqual([{ runId: "r1", status: "paused" }]);
  });

  it("keeps delivering when one listener throws", () => {
    const seen: unknown[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      bridge.on("app.command", () => {
        throw new Error("broken listener");
      });
      bridge.on("app.command", (p) => seen.push(p));
      host.events.emit("app.command", { id: "help" });
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual([{ id: "help" }]);
  });

  it("holds a file to open until the renderer listens, and again after a reload", () => {
    const seen: unknown[] = [];
    host.events.emit("app.openFile", { path: "/p/a.netforge.json" });
    bridge.on("app.openFile", (p) => seen.push(p));
    expect(seen).toEqual([{ path: "/p/a.netforge.json" }]);
    expect(wiring.gate.isListening("app.openFile")).toBe(true);

    (ipc as unknown as { toRenderer: Map<number, unknown[]> }).toRenderer.clear();
    const win = ipc.window(1);
    wiring.attach(win);
    win.contents.emit("did-start-loading");
    expect(wiring.gate.isListening("app.openFile")).toBe(false);
    host.events.emit("app.openFile", { path: "/p/b.netforge.json" });
    expect(seen).toHaveLength(1);
  });

  it("ignores listen notices from strangers", () => {
    const stranger = createBridge(
      ipc.renderer(1, () => ({ url: "https://evil.example/", top: true })),
      names,
    );
    stranger.on("app.closeRequested", () => {});
    expect(wiring.gate.isListening("app.closeRequested")).toBe(false);
    bridge.on("app.closeRequested", () => {});
    expect(wiring.gate.isListening("app.closeRequested")).toBe(true);
  });
});

describe("native dialogs", () => {
  it("open the chosen file's folder for reading, and nothing else", async () => {
    const before = await bridge.invoke("fs.list", { path: chosen });
    expect(before).toMatchObject({ ok: false, error: { code: "E_FORBIDDEN_PATH" } });
    const picked = await bridge.invoke("dialog.open", { purpose: "data-file" });
    expect(picked).toEqual({ ok: true, response: { path: join(chosen, "iris.csv") } });
    const after = await bridge.invoke("fs.list", { path: chosen });
    expect(after.ok).toBe(true);
    expect(after.ok && (after.response as { entries: { name: string }[] }).entries.map((e) => e.name)).toEqual([
      "iris.csv",
    ]);
    const outside = await bridge.invoke("fs.list", { path: root });
    expect(outside).toMatchObject({ ok: false, error: { code: "E_FORBIDDEN_PATH" } });
  });
});
