import { createStore, type StoreApi } from "zustand/vanilla";
import { InlineDatasetSchema } from "../../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../../shared/datasets/spec";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import type { Project } from "../../../shared/ir/project";
import { validationFraction, withValidation } from "../../../shared/training/validation";
import type { NetforgeClient } from "../../api/client";
import type { Editor } from "../../state/editor";

/**
 * The probe of the project's bound data, kept current outside React: whenever the document's
 * `data` or the project's file changes, the host probes again (debounced, the newest request
 * wins), and when the validation fraction changes. The Data tab draws it; the Train tab uses it to
 * suggest a loss, fill in the defaults and check the binding.
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

/**
 * The bound data as a dataset spec for data.probe (inline samples become an inline source), split
 * with the training settings' validation fraction: the balance and the validation warnings then
 * describe the split the run will make.
 */
export function specOf(
  data: Project["data"],
  training: Project["training"] = {},
): {
  binding: ProbeState["binding"];
  spec: DatasetSpec | null;
  error?: string;
} {
  if (data === null) return { binding: "none", spec: null };
  const inline = InlineDatasetSchema.safeParse(data);
  if (inline.success) {
    return { binding: "inline", spec: withValidation(DatasetSpecSchema.parse({ source: inline.data }), training) };
  }
  const spec = DatasetSpecSchema.safeParse(data);
  if (spec.success) return { binding: "spec", spec: withValidation(spec.data, training) };
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
  let lastValidation = Number.NaN;

  const probe = async () => {
    timer = null;
    const project = editor.project();
    const { binding, spec, error } = specOf(project.data, project.training);
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
    const { data, training } = editor.project();
    const path = editor.ui.getState().filePath;
    const validation = validationFraction(training);
    if (data === lastData && path === lastPath && validation === lastValidation) return;
    lastData = data;
    lastPath = path;
    lastValidation = validation;
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
