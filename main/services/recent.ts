import { access } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "./atomic-write";
import { readJsonFile } from "./json-file";

const MAX_ITEMS = 15;

const StoredSchema = z.object({
  items: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })),
});
type Stored = z.infer<typeof StoredSchema>["items"][number];

/** The recent-files list in `<config dir>/recent.json`, newest first, writes serialized. */
export class RecentFiles {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, "recent.json");
  }

  async list(): Promise<(Stored & { exists: boolean })[]> {
    const items = await this.read();
    return Promise.all(
      items.map(async (item) => ({
        ...item,
        exists: await access(item.path).then(
          () => true,
          () => false,
        ),
      })),
    );
  }

  async has(path: string): Promise<boolean> {
    return (await this.read()).some((i) => i.path === path);
  }

  add(path: string, name: string): Promise<void> {
    return this.update((items) => [
      { path, name, openedAt: new Date().toISOString() },
      ...items.filter((i) => i.path !== path),
    ]);
  }

  remove(path: string): Promise<void> {
    return this.update((items) => items.filter((i) => i.path !== path));
  }

  private update(change: (items: Stored[]) => Stored[]): Promise<void> {
    const next = this.chain.then(async () => {
      const items = change(await this.read()).slice(0, MAX_ITEMS);
      await writeFileAtomic(this.file, `${JSON.stringify({ items }, null, 2)}\n`);
    });
    this.chain = next.catch(() => {});
    return next;
  }

  /** A missing or damaged list is an empty one: it is a convenience, never a reason to fail. */
  private async read(): Promise<Stored[]> {
    const raw = await readJsonFile(this.file).catch(() => null);
    const parsed = StoredSchema.safeParse(raw);
    return parsed.success ? parsed.data.items : [];
  }
}
