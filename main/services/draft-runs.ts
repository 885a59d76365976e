import { join } from "node:path";

/**
 * Where the runs of unsaved projects live: `<config dir>/drafts/<draft id>.runs/<runId>/`, one
 * folder per project opened in an editor (its draft id), stored exactly as beside a saved file so
 * they can be evaluated and exported, and moved beside the file when the project is first saved.
 * The host computes these paths from validated ids; they are not user paths.
 */
export class DraftRuns {
  private readonly dir: string;

  constructor(configDir: string) {
    this.dir = join(configDir, "drafts");
  }

  root(draft: string): string {
    // Draft ids are validated by the contract (letters, digits, '_' and '-'): one path segment.
    return join(this.dir, `${draft}.runs`);
  }
}
