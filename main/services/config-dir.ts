import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The per-user folder for NetForge's own state (recent files, recovery files). NETFORGE_CONFIG_DIR
 * overrides it (tests, portable installs); otherwise the platform's convention: XDG on Linux,
 * Application Support on macOS, %APPDATA% on Windows. Electron passes app.getPath("userData").
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.NETFORGE_CONFIG_DIR) return env.NETFORGE_CONFIG_DIR;
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "NetForge");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "NetForge");
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "netforge");
}
