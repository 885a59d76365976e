import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent } from "electron";
import type { EventName } from "../../shared/api/contract";
import { IPC_CHANNELS } from "../preload/channels";
import { type Host, newClientId } from "../services/host";
import { EventGate } from "./event-gate";
import { createInvokeHandler, createListenHandler, type SenderInfo, type TrustPolicy } from "./ipc-dispatch";

export interface IpcBridge {
  /** Host events for the window pass through here (held ones wait for the renderer). */
  readonly gate: EventGate;
  /** Starts serving a (new) window; events go to it from now on. */
  attach(win: BrowserWindow): void;
  dispose(): void;
}

/**
 * Electron's transport for the host API, the counterpart of main/web/socket.ts: exactly two
 * channels are handled (calls and listen notices) and one is sent (events); every message is
 * checked for its sender before anything else, and calls go through `host.reply`, which validates
 * method and request against the contract. Electron's objects are passed in (not imported) so the
 * tests can drive this exact wiring without an Electron binary.
 */
export function attachIpc(host: Host, isAppUrl: (url: string) => boolean, ipcMain: IpcMain): IpcBridge {
  let win: BrowserWindow | null = null;
  let clientId = newClientId();
  const policy: TrustPolicy = {
    windowId: () => (win && !win.isDestroyed() ? win.webContents.id : null),
    isAppUrl,
  };
  const gate = new EventGate((event: EventName, payload: unknown) => {
    if (win && !win.isDestroyed()) win.webContents.send(IPC_CHANNELS.event, event, payload);
  });
  const invoke = createInvokeHandler(host, policy, () => ({ clientId }));
  const listen = createListenHandler(policy, (event, listening) => gate.listen(event, listening));
  const unsubscribe = host.events.onAny((event, payload) => gate.deliver(event, payload));

  ipcMain.handle(IPC_CHANNELS.invoke, (event: IpcMainInvokeEvent, method: unknown, request: unknown) =>
    invoke(senderOf(event), method, request),
  );
  ipcMain.on(IPC_CHANNELS.listen, (event: IpcMainEvent, name: unknown, listening: unknown) => {
    listen(senderOf(event), name, listening);
  });

  /** A new page is a new client: its predecessor's sessions may be offered for recovery. */
  const renewClient = () => {
    host.disconnect(clientId);
    clientId = newClientId();
    gate.reset();
  };

  return {
    gate,
    attach(next) {
      win = next;
      next.webContents.on("did-start-loading", renewClient);
      next.webContents.on("render-process-gone", renewClient);
      next.on("closed", () => {
        if (win === next) win = null;
        renewClient();
      });
    },
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(IPC_CHANNELS.invoke);
      ipcMain.removeAllListeners(IPC_CHANNELS.listen);
    },
  };
}

function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, top: frame.parent === null } : null,
  };
}
