/**
 * Path text for the renderer, which has no node:path: the host's paths are POSIX or Windows, so
 * both separators are understood. Only what the tabs need: a file's folder, its name, and a path
 * relative to the project's folder (data paths are saved relative, so a project folder can move).
 */
const SEP = /[\\/]/;

export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  if (i < 0) return ".";
  if (i === 0) return path.slice(0, 1);
  return path.slice(0, i);
}

export function baseName(path: string): string {
  const parts = path.split(SEP).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function joinPath(folder: string, name: string): string {
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/**
 * `target` relative to the folder of `projectFile` when it lies inside that folder ("data/x.csv"),
 * otherwise the absolute path unchanged (a relative "../" path would break when the file moves).
 */
export function relativeToProject(projectFile: string | null, target: string): string {
  if (!projectFile) return target;
  const folder = dirName(projectFile);
  const norm = (p: string) => p.replace(/\\/g, "/");
  const f = norm(folder).replace(/\/$/, "");
  const t = norm(target);
  if (t.startsWith(`${f}/`)) return t.slice(f.length + 1);
  return target;
}
