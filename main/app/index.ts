import { dirname, join } from "node:path";
import { app, type BrowserWindow, dialog, ipcMain, Menu, session } from "electron";
import { createHost, type Host } from "../services/host";
import { isAppUrl } from "./app-url";
import { projectFileFromArgv } from "./argv";
import { CloseGuard } from "./close-guard";
import type { EventGate } from "./event-gate";
import { attachIpc } from "./ipc";
import { menuTemplate } from "./menu-template";
import { unpackedPath } from "./paths";
import { registerAppScheme, restrictPermissions, serveRenderer } from "./protocol";
import { createShellHooks } from "./shell-hooks";
import { utilityTrainer } from "./trainer-process";
import { createMainWindow, windowStateSaved } from "./window";
import { loadWindowState } from "./window-state";

/**
 * Electron main process: lifecycle, the window, the menu and the glue to the host. Everything else
 * lives in main/services, which browser mode runs too, so this stays thin (ANCHORS A6, R18-R19).
 */
const OUT = join(import.meta.dirname, "..");
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;

let win: BrowserWindow | null = null;
let guard = new CloseGuard();
let quitting = false;
/** Files to open that arrived before the host existed (argv, macOS "open-file" at launch). */
const early: string[] = [];
let openFile = (path: string) => void early.push(path);

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  // Another NetForge is running: it gets our argv through "second-instance" and opens the file.
  app.quit();
} else {
  const launchFile = projectFileFromArgv(process.argv, process.cwd());
  if (launchFile) early.push(launchFile);
  app.on("open-file", (event, path) => {
    event.preventDefault();
    openFile(path);
  });
  app.on("second-instance", (_event, argv, workingDirectory) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const file = projectFileFromArgv(argv, workingDirectory);
    if (file) openFile(file);
  });
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-attach-webview", (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });
  app.on("before-quit", () => {
    quitting = true;
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin" || quitting) app.quit();
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  const host = createHost({
    mode: "electron",
    browseRoots: [app.getPath("home")],
    resourcesDir: unpackedPath(join(app.getAppPath(), "resources")),
    startTrainer: utilityTrainer(),
    version: app.getVersion(),
    shell: createShellHooks({
      window: () => win,
      documentsFolder: app.getPath("documents"),
      onCloseResponse(proceed) {
        if (guard.answer(proceed) === "close") win?.close();
        else quitting = false;
      },
    }),
  });
  const ipc = attachIpc(host, (url) => isAppUrl(url, devServerUrl), ipcMain);
  openFile = (path) => void announceFile(host, path);
  for (const path of early.splice(0)) openFile(path);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        dev: !app.isPackaged,
        run: (id) => host.events.emit("app.command", { id }),
      }),
    ),
  );
  restrictPermissions(session.defaultSession, devServerUrl);
  const url = serveRenderer(session.defaultSession, join(OUT, "renderer"), devServerUrl);
  const stateFile = join(app.getPath("userData"), "window-state.json");
  const open = async () => {
    win = createMainWindow({
      state: await loadWindowState(stateFile),
      stateFile,
      preload: join(OUT, "preload/index.cjs"),
      url,
      onDropProject: (path) => openFile(path),
    });
    ipc.attach(win);
    guardClose(win, host, ipc.gate);
  };
  await open();
  host.warmUp();
  app.on("activate", () => {
    if (!win) void open();
  });
  let shutDown = false;
  app.on("will-quit", (event) => {
    if (shutDown) return;
    event.preventDefault();
    ipc.dispose();
    void Promise.all([host.close(), windowStateSaved()])
      .catch((error: unknown) => console.error("netforge: shutdown:", error))
      .finally(() => {
        shutDown = true;
        app.quit();
      });
  });
}

/** The dirty-state prompt: the renderer decides whether the window may close (close-guard.ts). */
function guardClose(window: BrowserWindow, host: Host, gate: EventGate): void {
  guard = new CloseGuard();
  const own = guard;
  window.on("close", (event) => {
    const alive = !window.webContents.isCrashed();
    const decision = own.attempt({ listening: gate.isListening("app.closeRequested"), alive });
    if (decision === "close") return;
    event.preventDefault();
    if (decision === "ask") host.events.emit("app.closeRequested", {});
  });
  window.webContents.on("did-start-loading", () => own.reset());
  window.webContents.on("render-process-gone", () => own.reset());
  window.on("closed", () => {
    if (win === window) win = null;
  });
}

/**
 * A project file the user opened through the OS (file association, argv, drop): its folder is
 * opened for reading and writing, as a native dialog would, and the renderer is told to open it.
 */
async function announceFile(host: Host, path: string): Promise<void> {
  await host.folders.grant(dirname(path)).catch(() => {
    // A missing file is reported by projects.open when the renderer tries it, with the path.
  });
  host.events.emit("app.openFile", { path });
}

function fail(error: unknown): void {
  console.error("netforge: could not start:", error);
  dialog.showErrorBox("NetForge could not start", error instanceof Error ? error.message : String(error));
  app.exit(1);
}
