import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway folder for one spec: `root` is where the host may read and write projects, `config`
 * holds its recent-files list and recovery files, so specs neither see nor leave the user's.
 */
export function sandbox(): { root: string; config: string; env: Record<string, string>; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "netforge-e2e-"));
  const root = join(dir, "projects");
  const config = join(dir, "config");
  mkdirSync(root);
  mkdirSync(config);
  return {
    root,
    config,
    env: { NETFORGE_CONFIG_DIR: config },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
