import { contextBridge } from "electron";

/**
 * The sandboxed preload exposes only what the typed API contract lists (shared/api, next issues).
 * For now the renderer learns which shell it runs in, so it can say "desktop" or "browser mode".
 */
contextBridge.exposeInMainWorld("netforgeShell", {
  kind: "electron",
  versions: { electron: process.versions.electron },
});
