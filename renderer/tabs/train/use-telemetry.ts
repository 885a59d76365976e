import { useEffect, useState } from "react";
import type { TelemetryRecord } from "../../../shared/training/telemetry";
import { useEditor } from "../../state/editor-context";
import { projectRef } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useClient } from "../common/session";

/**
 * A run's telemetry records: what its folder holds (runs.telemetry), then each new record as the
 * trainer streams it (train.telemetry, on the curves' channel). Keyed by epoch, so a record both
 * read and streamed counts once. Read again when the run ends, so the view shows the file.
 */
export function useTelemetry(runId: string | undefined, ended: boolean) {
  const editor = useEditor();
  const client = useClient();
  const [state, setState] = useState<{ runId?: string; records: TelemetryRecord[]; error: string | null }>({
    records: [],
    error: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ended` re-reads the file when the run ends
  useEffect(() => {
    if (!client || !runId) return;
    let live = true;
    const merge = (incoming: TelemetryRecord[]) =>
      setState((s) => {
        const byEpoch = new Map((s.runId === runId ? s.records : []).map((r) => [r.epoch, r]));
        for (const r of incoming) byEpoch.set(r.epoch, r);
        return { runId, records: [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch), error: null };
      });
    const off = client.on("train.telemetry", (p) => {
      if (live && p.runId === runId) merge([p.record]);
    });
    client
      .call("runs.telemetry", { ...projectRef(editor.ui), runId })
      .then((r) => live && merge(r.records))
      .catch((error) => {
        // A run kept in memory only, or one still starting, has no folder to read: the stream fills in.
        if (live) setState((s) => ({ ...s, runId, error: messageOf(error) }));
      });
    return () => {
      live = false;
      off();
    };
  }, [client, runId, ended, editor]);
  return state.runId === runId ? state : { records: [], error: null };
}
