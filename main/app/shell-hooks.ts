import { dirname } from "node:path";
import { type BrowserWindow, dialog, shell } from "electron";
import type { ShellHooks } from "../services/handlers";
import { openDialogOptions, saveDialogOptions, savedPath } from "./dialog-options";

/**
 * What only the desktop shell can do, handed to the host: native dialogs (the host then opens the
 * chosen folder for reading and writing), revealing a file, and the answer to a close request.
 */
export function createShellHooks(options: {
  window(): BrowserWindow | null;
  documentsFolder: string;
  onCloseResponse(proceed: boolean): void;
}): ShellHooks {
  // The next dialog starts where the last one ended, as native apps do.
  let folder = options.documentsFolder;
  const remember = (path: string, isFolder: boolean) => {
    folder = isFolder ? path : dirname(path);
    return path;
  };
  return {
    async openDialog(req) {
      const win = options.window();
      const opts = openDialogOptions(req, folder);
      const result = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const path = result.canceled ? undefined : result.filePaths[0];
      return path ? remember(path, Boolean(opts.properties?.includes("openDirectory"))) : null;
    },
    async saveDialog(req) {
      const win = options.window();
      const opts = saveDialogOptions(req, folder);
      const result = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return result.canceled || !result.filePath ? null : remember(savedPath(req.purpose, result.filePath), false);
    },
    async reveal(path) {
      shell.showItemInFolder(path);
    },
    closeResponse: (proceed) => options.onCloseResponse(proceed),
  };
}
