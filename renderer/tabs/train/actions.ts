import type { Editor } from "../../state/editor";
import { projectRef, toast } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import type { TabsSession } from "../common/session";

/**
 * What the Train tab's buttons do. Each call is answered by the host at once; what follows
 * (progress, the end of a run) arrives as events into the training store.
 */
export async function startRun(editor: Editor, session: TabsSession): Promise<string | null> {
  const client = session.client;
  if (!client) return null;
  try {
    const { runId } = await client.call("train.start", {
      project: editor.project(),
      ...projectRef(editor.ui),
    });
    return runId;
  } catch (error) {
    toast(editor.ui, "error", `Training did not start: ${messageOf(error)}`);
    return null;
  }
}

export async function controlRun(
  editor: Editor,
  session: TabsSession,
  action: "stop" | "pause" | "resume",
  runId: string,
): Promise<void> {
  const client = session.client;
  if (!client) return;
  try {
    await client.call(`train.${action}`, { runId });
  } catch (error) {
    toast(editor.ui, "error", `Could not ${action} the run: ${messageOf(error)}`);
  }
}

/** One undoable edit of the training settings (a diverged run's suggestions use it). */
export function editTraining(editor: Editor, label: string, patch: Record<string, unknown>): void {
  editor.edit(label, (p) => ({ ...p, training: { ...p.training, ...patch } }));
}
