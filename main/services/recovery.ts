import { readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { parseProject } from "../../shared/ir/load";
import type { Project } from "../../shared/ir/project";
import { writeFileAtomic } from "./atomic-write";
import { readJsonFile } from "./json-file";

const RecoveryFileSchema = z.object({
  format: z.literal("netforge.recovery"),
  sessionId: z.string(),
  path: z.string().nullable(),
  name: z.string(),
  savedAt: z.string(),
  project: z.unknown(),
  draft: z.string().optional(),
});

export interface RecoveryItem {
  sessionId: string;
  path: string | null;
  name: string;
  savedAt: string;
  project: Project;
  /** The project's draft id in the editor that wrote it: its unsaved runs are kept under it. */
  draft?: string;
}

/**
 * Autosave: each editor session writes its unsaved project to `<config dir>/recovery/<session>.json`
 * every few seconds while dirty, and discards it when the project is saved or closed cleanly. After
 * a crash the files are still there, and the next start offers them. Never in the project folder,
 * so autosaving cannot clobber the user's file or litter their folder.
 */
export class RecoveryStore {
  private readonly dir: string;

  constructor(configDir: string) {
    this.dir = join(configDir, "recovery");
  }

  async write(sessionId: string, path: string | null, project: Project, draft?: string): Promise<string> {
    const savedAt = new Date().toISOString();
    const file = { format: "netforge.recovery", sessionId, path, name: project.name, savedAt, project, draft };
    await writeFileAtomic(this.fileOf(sessionId), JSON.stringify(file));
    return savedAt;
  }

  /** Recovery files, newest first, except those of the sessions in `exclude` (still running). */
  async list(exclude: ReadonlySet<string> = new Set()): Promise<RecoveryItem[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const items: RecoveryItem[] = [];
    for (const name of names) {
      if (!name.endsWith(".json")) continue;
      const raw = RecoveryFileSchema.safeParse(await readJsonFile(join(this.dir, name)).catch(() => null));
      if (!raw.success || exclude.has(raw.data.sessionId) || `${raw.data.sessionId}.json` !== name) continue;
      // A damaged recovery file is skipped, not deleted: it may still be worth rescuing by hand.
      const project = parseProject(raw.data.project);
      if (!project.ok) continue;
      items.push({ ...raw.data, project: project.value });
    }
    return items.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async discard(sessionId: string): Promise<void> {
    await unlink(this.fileOf(sessionId)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }

  private fileOf(sessionId: string): string {
    // Session ids are validated by the contract (letters, digits, '_' and '-'), so this stays inside dir.
    return join(this.dir, `${sessionId}.json`);
  }
}
