import { contextBridge, ipcRenderer } from "electron";
import { contract } from "../../shared/api/contract";
import { createBridge } from "./bridge";

/**
 * The sandboxed preload: `window.netforge = { mode, invoke, on }` and nothing else, its names taken
 * from the contract (ANCHORS R18). Bundled as CommonJS with its imports inlined, because a
 * sandboxed preload can require only `electron` and a few built-ins.
 */
contextBridge.exposeInMainWorld(
  "netforge",
  createBridge(ipcRenderer, { methods: contract.methodNames, events: contract.eventNames }),
);
