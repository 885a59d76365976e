import { readdir, realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { ApiError } from "../../shared/api/errors";

export type AccessMode = "read" | "write";

/**
 * Which files the UI may touch (browser mode's main defence after the token: a page that somehow
 * talks to the host still cannot read ~/.ssh). The folder browser lists only inside the browse
 * roots; reading and writing is allowed only inside folders the user opened through the UI (or a
 * native dialog in Electron), plus read-only folders such as the bundled resources. Paths are
 * compared after resolving symbolic links, so a link inside an opened folder cannot point out;
 * checkTree does the same for every link inside a folder that is read whole (an image folder, a
 * run folder). Every path the host reads or hands to the trainer passes here.
 */
export class FolderAccess {
  private readonly opened = new Set<string>();

  constructor(
    readonly browseRoots: readonly string[],
    private readonly readOnly: readonly string[] = [],
  ) {}

  get openedFolders(): string[] {
    return [...this.opened].sort();
  }

  /** Opens a folder for reading and writing; it must lie under a browse root. */
  async open(path: string): Promise<string> {
    const real = await this.resolveExisting(path);
    const info = await stat(real);
    if (!info.isDirectory()) throw new ApiError("E_NOT_FOUND", `expected a folder; ${path} is a file`);
    if (!(await this.inside(real, this.browseRoots))) {
      throw new ApiError(
        "E_FORBIDDEN_PATH",
        `${path} is outside the folders NetForge may browse (${this.browseRoots.join(", ")}); start the server with --root to allow it`,
      );
    }
    this.opened.add(real);
    return real;
  }

  /** Opens a folder without the browse-root check: for native dialogs, where the user chose it. */
  async grant(path: string): Promise<string> {
    const real = await this.resolveExisting(path);
    this.opened.add(real);
    return real;
  }

  /** The path, resolved, if it may be accessed; otherwise an E_FORBIDDEN_PATH error naming it. */
  async check(path: string, mode: AccessMode): Promise<string> {
    const real = await this.resolveMaybeMissing(path);
    if (await this.inside(real, this.allowed(mode))) return real;
    throw new ApiError(
      "E_FORBIDDEN_PATH",
      `${path} is outside the folders opened in NetForge${
        this.opened.size ? ` (${this.openedFolders.join(", ")})` : " (none yet)"
      }; open its folder first`,
    );
  }

  /**
   * check(), and for a folder also every symbolic link inside it at any depth (followed into linked
   * folders once each): a folder read whole must not reach outside through a link in it. A dangling
   * link is left alone (reading it fails anyway). Returns the real path.
   */
  async checkTree(path: string, mode: AccessMode): Promise<string> {
    const real = await this.check(path, mode);
    const allowed = this.allowed(mode);
    const seen = new Set([real]);
    const folders = [real];
    for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
      // A file (ENOTDIR) or an unreadable folder has nothing inside to check.
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) folders.push(full);
        if (!entry.isSymbolicLink()) continue;
        const target = await realpath(full).catch(() => null);
        if (target === null) continue;
        if (!(await this.inside(target, allowed))) {
          throw new ApiError(
            "E_FORBIDDEN_PATH",
            `${full} is a symbolic link to a place outside the folders opened in NetForge; NetForge does not follow it (replace the link with the file, or open the folder it points to)`,
          );
        }
        if (!seen.has(target) && (await stat(target).catch(() => null))?.isDirectory()) {
          seen.add(target);
          folders.push(target);
        }
      }
    }
    return real;
  }

  /** May the folder browser list this folder? */
  async browsable(path: string): Promise<boolean> {
    return this.inside(await this.resolveMaybeMissing(path), [...this.browseRoots, ...this.opened]);
  }

  async isOpened(path: string): Promise<boolean> {
    return this.inside(await this.resolveMaybeMissing(path), [...this.opened]);
  }

  private allowed(mode: AccessMode): string[] {
    return mode === "read" ? [...this.opened, ...this.readOnly] : [...this.opened];
  }

  private async inside(real: string, folders: readonly string[]): Promise<boolean> {
    for (const folder of folders) {
      const root = await realpath(folder).catch(() => resolve(folder));
      const rel = relative(root, real);
      if (rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel))) return true;
    }
    return false;
  }

  private async resolveExisting(path: string): Promise<string> {
    if (!isAbsolute(path)) throw new ApiError("E_BAD_REQUEST", `expected an absolute path; received "${path}"`);
    return realpath(path).catch(() => {
      throw new ApiError("E_NOT_FOUND", `no such folder: ${path}`);
    });
  }

  /** Resolves links in the longest existing prefix; a file about to be created keeps its name. */
  private async resolveMaybeMissing(path: string): Promise<string> {
    if (!isAbsolute(path)) throw new ApiError("E_BAD_REQUEST", `expected an absolute path; received "${path}"`);
    const full = resolve(path);
    const existing = await realpath(full).catch(() => null);
    if (existing) return existing;
    const parent = dirname(full);
    if (parent === full) return full;
    return join(await this.resolveMaybeMissing(parent), basename(full));
  }
}
