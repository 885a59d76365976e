import { createStore, type StoreApi } from "zustand/vanilla";
import { InlineDatasetSchema } from "../../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../../shared/datasets/spec";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import type { Project } from "../../../shared/ir/project";
import type { NetforgeClient } from "../../api/client";
import type { Editor } from "../../state/editor";

/**
 * The probe of the project's bound data, kept current outside React: whenever the document's
 * `data` or the project's file changes, the host probes again (debounced, the newest request
 * wins). The Data tab draws it; the Train tab uses it to suggest a loss and check the binding.
 */
export interface ProbeState {
  /** What `data` holds: nothing, inline samples, a dataset spec, or something unreadable. */
  binding: "none" | "inline" | "spec" | "invalid";
  summary: DatasetSummary | null;
  error: string | null;
  probing: boolean;
}

export type ProbeStore = StoreApi<ProbeState>;

export function createProbeStore(): ProbeStore {
  return createStore<ProbeState>()(() => ({ binding: "none", summary: null, error: null, probing: false }));
}

/** The bound data as a dataset spec for data.probe (inline samples become an inline source). */
export function specOf(data: Project["data"]): {
  binding: ProbeState["binding"];
  spec: DatasetSpec | null;
  error?: string;
} {
  if (data === null) return { binding: "none", spec: null };
  const inline = InlineDatasetSchema.safeParse(data);
  if (inline.success) return { binding: "inline", spec: DatasetSpecSchema.parse({ source: inline.data }) };
  const spec = DatasetSpecSchema.safeParse(data);
  if (spec.success) return { binding: "spec", spec: spec.data };
  const first = spec.error.issues[0];
  return {
    binding: "invalid",
    spec: null,
    error: `the project's data is not a dataset spec: ${first ? `${first.path.join(".") || "data"}: ${first.message}` : "unknown problem"}`,
  };
}

export function connectProbe(editor: Editor, client: NetforgeClient, store: ProbeStore, debounceMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  let lastData: unknown = Symbol("never");
  let lastPath: unknown = Symbol("never");

  const probe = async () => {
    timer = null;
    const { binding, spec, error } = specOf(editor.project().data);
    const ask = ++asked;
    if (!spec) {
      store.setState({ binding, summary: null, error: error ?? null, probing: false });
      return;
    }
    store.setState({ binding, probing: true });
    try {
      const { summary } = await client.call("data.probe", { spec, projectPath: editor.ui.getState().filePath });
      if (ask === asked) store.setState({ binding, summary, error: null, probing: false });
    } catch (e) {
      if (ask === asked) store.setState({ binding, summary: null, error: (e as Error).message, probing: false });
    }
  };
  const check = () => {
    const data = editor.project().data;
    const path = editor.ui.getState().filePath;
    if (data === lastData && path === lastPath) return;
    lastData = data;
    lastPath = path;
    if (timer) clearTimeout(timer);
    timer = setTimeout(probe, debounceMs);
  };
  const offDoc = editor.doc.subscribe(check);
  const offUi = editor.ui.subscribe(check);
  const offStatus = client.onStatus((s) => {
    if (s === "open") {
      lastData = Symbol("reconnected");
      check();
    }
  });
  check();
  return () => {
    offDoc();
    offUi();
    offStatus();
    if (timer) clearTimeout(timer);
  };
}
