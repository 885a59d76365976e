import { dirname, isAbsolute, join } from "node:path";
import { ApiError } from "../../shared/api/errors";
import { resolveSourcePaths } from "../../shared/datasets/paths";
import type { DatasetSpec } from "../../shared/datasets/spec";
import type { FolderAccess } from "./access";

/** Checks one path the trainer is about to read and returns it resolved (FolderAccess.checkTree in the host). */
export type PathCheck = (path: string) => Promise<string>;

/**
 * Makes a spec's paths absolute (relative paths are relative to `baseDir`), passes every file or
 * folder it names through `check`, and returns the spec with the resolved paths, so what the
 * trainer opens is what was checked. A relative path without a base cannot be placed: an error.
 */
export async function checkedSpec(spec: DatasetSpec, baseDir: string | null, check: PathCheck): Promise<DatasetSpec> {
  const absolute = (p: string) => {
    if (isAbsolute(p)) return p;
    if (baseDir) return join(baseDir, p);
    throw new ApiError(
      "E_BAD_REQUEST",
      `data path "${p}" is relative, but the project has not been saved yet; save it first or use an absolute path`,
    );
  };
  // An npz member is addressed as "archive.npz:member"; the file is the part before the colon.
  const split = (p: string) => /^(.*?\.npz)(:[^/\\]+)?$/i.exec(p) ?? [p, p, ""];
  const files: string[] = [];
  resolveSourcePaths(spec, (p) => {
    files.push(split(absolute(p))[1]);
    return p;
  });
  const real = new Map<string, string>();
  for (const file of files) real.set(file, await check(file));
  return resolveSourcePaths(spec, (p) => {
    const [, file, member] = split(absolute(p));
    return `${real.get(file) ?? file}${member ?? ""}`;
  });
}

/**
 * A project's (or request's) spec checked against the opened folders: relative paths are relative
 * to the project file, and a folder (images) is read whole by the trainer, so the links inside it
 * are checked too.
 */
export function resolveSpec(
  folders: Pick<FolderAccess, "checkTree">,
  spec: DatasetSpec,
  projectPath: string | null,
): Promise<DatasetSpec> {
  return checkedSpec(spec, projectPath ? dirname(projectPath) : null, (p) => folders.checkTree(p, "read"));
}
