import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { FolderAccess } from "./access";
import { writeUploadPart } from "./upload";

const MAX_ENTRIES = 5_000;

/** The folder browser of browser mode, opening folders, and uploads into opened folders. */
export class FilesService {
  constructor(private readonly folders: FolderAccess) {}

  async list(req: ParsedRequestOf<"fs.list">): Promise<ResponseOf<"fs.list">> {
    const path = req.path ?? this.folders.browseRoots[0];
    if (!path) throw new ApiError("E_FORBIDDEN_PATH", "no folder may be browsed in this session");
    if (!(await this.folders.browsable(path))) {
      throw new ApiError(
        "E_FORBIDDEN_PATH",
        `${path} is outside the folders NetForge may browse (${this.folders.browseRoots.join(", ")})`,
      );
    }
    const names = await readdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new ApiError("E_NOT_FOUND", `no such folder: ${path}`);
      if (error.code === "ENOTDIR") throw new ApiError("E_NOT_FOUND", `expected a folder; ${path} is a file`);
      throw new ApiError("E_IO", `cannot list ${path}: ${error.message}`);
    });
    const entries: ResponseOf<"fs.list">["entries"] = [];
    for (const name of names.sort((a, b) => a.localeCompare(b))) {
      if (!req.hidden && name.startsWith(".")) continue;
      if (entries.length >= MAX_ENTRIES) break;
      const full = join(path, name);
      const info = await stat(full).catch(() => null);
      if (!info || (!info.isFile() && !info.isDirectory())) continue;
      entries.push({
        name,
        path: full,
        kind: info.isDirectory() ? "folder" : "file",
        size: info.isFile() ? info.size : null,
        modified: info.mtime.toISOString(),
        project: info.isFile() && name.endsWith(".netforge.json"),
      });
    }
    entries.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "folder" ? -1 : 1));
    const parent = dirname(path);
    const atRoot = parent === path || !(await this.folders.browsable(parent));
    return {
      path,
      parent: atRoot ? null : parent,
      entries,
      opened: await this.folders.isOpened(path),
      browseRoots: [...this.folders.browseRoots],
    };
  }

  async openFolder(path: string): Promise<ResponseOf<"fs.openFolder">> {
    const real = await this.folders.open(path);
    return { path: real, openedFolders: this.folders.openedFolders };
  }

  /** An upload (or one part of it) into an opened folder: see upload.ts. */
  async upload(req: ParsedRequestOf<"fs.upload">): Promise<ResponseOf<"fs.upload">> {
    return writeUploadPart(await this.folders.check(join(req.folder, req.name), "write"), req);
  }
}
