import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_SUFFIX = ".netforge.json";

export function isProjectPath(path: string): boolean {
  return path.toLowerCase().endsWith(PROJECT_SUFFIX);
}

/**
 * The project file a launch asks to open: `netforge my.netforge.json`, a double-click on a file
 * associated with NetForge (Windows and Linux pass it as an argument; Linux desktop files may pass
 * a file:// URL), or the argv a second instance forwards. argv[0] is the executable; switches
 * (Chromium's, Electron's, ours) are skipped; a relative path is resolved against the launching
 * process's working folder, which for a second instance is not ours.
 */
export function projectFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith("-")) continue;
    const path = toPath(arg);
    if (path && isProjectPath(path)) return isAbsolute(path) ? resolve(path) : resolve(cwd, path);
  }
  return null;
}

function toPath(arg: string): string | null {
  if (!arg.startsWith("file:")) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}
