import { useEditor } from "../../state/editor-context";
import { browse } from "../../state/file-prompts";
import { toast } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useClient } from "../common/session";
import { useAppInfo } from "../common/use-app-info";
import { bindPath } from "./actions";

/**
 * Choose a data file or folder: the native dialog where the shell has one (Electron), the host's
 * folder browser otherwise (the same dialog File > Open uses; it opens the chosen folder on the
 * host so the data may be read).
 */
export function useChooseData(): (kind: "file" | "folder") => void {
  const editor = useEditor();
  const client = useClient();
  const info = useAppInfo();
  return (kind) => {
    if (!client) return;
    const chosen = info?.capabilities.nativeDialogs
      ? client.call("dialog.open", { purpose: kind === "file" ? "data-file" : "data-folder" }).then((r) => r.path)
      : browse(editor, {
          mode: kind === "file" ? "open" : "folder",
          title: kind === "file" ? "Choose a data file" : "Choose a data folder (one subfolder per class)",
        });
    chosen
      .then((path) => (path ? bindPath(editor, client, path) : false))
      .catch((e) => toast(editor.ui, "error", `Could not choose the data: ${messageOf(e)}`));
  };
}
