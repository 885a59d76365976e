import { fileURLToPath } from "node:url";
import { BrowserWindow, nativeTheme, screen, shell } from "electron";
import { isProjectPath } from "./argv";
import { fitToDisplays, MIN_SIZE, saveWindowState, type WindowState } from "./window-state";

export interface MainWindowOptions {
  state: WindowState;
  /** Where the state is saved when the window moves, resizes or closes. */
  stateFile: string;
  preload: string;
  url: string;
  /** A *.netforge.json dropped on the window (Chromium would navigate to it). */
  onDropProject(path: string): void;
}

/**
 * The one window, locked down (Electron's security checklist): isolated, sandboxed, no Node in the
 * page, no navigation away from the app, no new windows, no <webview>. Links to the web open in
 * the system browser.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const display = screen.getPrimaryDisplay();
  const state = fitToDisplays(
    options.state,
    screen.getAllDisplays().map((d) => d.workArea),
    display.workArea,
  );
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: "NetForge",
    show: false,
    // Painted before the page loads; matched to the theme so the window does not flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? "#1e1e1e" : "#ffffff",
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  if (state.fullScreen) win.setFullScreen(true);
  win.once("ready-to-show", () => win.show());
  // A page that fails to load never becomes ready to show; the window must still appear.
  win.webContents.once("did-fail-load", () => win.show());

  const contents = win.webContents;
  contents.on("will-navigate", (event, url) => {
    event.preventDefault();
    const dropped = droppedProject(url);
    if (dropped) options.onDropProject(dropped);
  });
  contents.on("will-redirect", (event) => event.preventDefault());
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith("https://")) void shell.openExternal(url);
    return { action: "deny" };
  });

  trackState(win, options.stateFile);
  void win.loadURL(options.url);
  return win;
}

function droppedProject(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  try {
    const path = fileURLToPath(url);
    return isProjectPath(path) ? path : null;
  } catch {
    return null;
  }
}

let lastSave: Promise<void> = Promise.resolve();

/** Resolves when the latest window-state write has finished (the app waits for it before quitting). */
export function windowStateSaved(): Promise<void> {
  return lastSave;
}

/** Saves the normal bounds (what un-maximizing returns to) and the flags; at most twice a second. */
function trackState(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowState => {
    const b = win.getNormalBounds();
    return { ...b, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
  };
  const save = (state: WindowState) => {
    lastSave = lastSave
      .then(() => saveWindowState(file, state))
      .catch((error: unknown) => console.error("netforge: window state not saved:", error));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => save(current()), 500);
  };
  win.on("resize", later);
  win.on("move", later);
  win.on("maximize", later);
  win.on("unmaximize", later);
  win.on("enter-full-screen", later);
  win.on("leave-full-screen", later);
  // "closed" is too late to read bounds; "close" may still be cancelled, which only costs a write.
  win.on("close", () => {
    clearTimeout(timer);
    save(current());
  });
}
