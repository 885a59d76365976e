import { useId, useState } from "react";
import type { ExportFormat, ExportResult } from "../../shared/onnx/result";
import { useEditor } from "../state/editor-context";
import { browse } from "../state/file-prompts";
import { shallow, useDoc, useUi } from "../state/hooks";
import { isActive, type RunView } from "../state/training-store";
import { projectRef, toast } from "../state/ui-store";
import { messageOf } from "./common/errors";
import { TabNextStep } from "./common/NextStepCard";
import { exportNextStep } from "./common/next-step";
import { baseName, joinPath } from "./common/paths";
import { useClient, useTraining } from "./common/session";
import { useAppInfo } from "./common/use-app-info";
import { ExportResultCard } from "./export/ExportResultCard";
import { DEFAULT_INPUT_MODES, InputModeFields, type InputModes } from "./export/InputModeFields";
import { ReadinessCard, useReadiness } from "./export/ReadinessCard";
import { TabFrame } from "./TabFrame";
import { runLabel } from "./train/run-series";

/**
 * Export a trained run: the readiness report (what each block becomes), the format and the
 * destination, then the verification numbers (the file run in onnxruntime against the trained
 * model's own predictions) and a way to find the file.
 */
export function ExportTab({ hidden }: { hidden: boolean }) {
  const editor = useEditor();
  const client = useClient();
  const info = useAppInfo();
  const filePath = useUi((s) => s.filePath);
  const name = useDoc((s) => s.project.name);
  const runs = useTraining(
    (s) =>
      s.order.map((id) => s.runs[id]).filter((r): r is RunView => Boolean(r?.hasModel && r.runDir) && !isActive(r)),
    shallow,
  );
  const current = useTraining((s) => s.current);
  const [chosen, setChosen] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>("onnx");
  const [out, setOut] = useState("");
  const [verify, setVerify] = useState(true);
  const [keep, setKeep] = useState(false);
  const [discriminator, setDiscriminator] = useState(false);
  const [modes, setModes] = useState<InputModes>(DEFAULT_INPUT_MODES);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const readiness = useReadiness(discriminator);
  const ids = { run: useId(), format: useId(), out: useId() };

  const run = runs.find((r) => r.runId === chosen) ?? runs.find((r) => r.runId === current) ?? runs[0];
  const fileName = `${name.replace(/[^\w.-]+/g, "_") || "model"}${format === "onnx" ? ".onnx" : "-tfjs"}`;
  // An unsaved project's runs lie in NetForge's own folder, not the user's: they choose where.
  const destination = out || (filePath && run?.runDir ? joinPath(run.runDir, fileName) : "");
  const hasExcluded = (readiness.report?.counts.excluded ?? 0) > 0;

  const doExport = async () => {
    if (!client || !run || !destination) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await client.call("export.run", {
        ...projectRef(editor.ui),
        runId: run.runId,
        format,
        out: destination,
        verify,
        keepOnFailure: keep,
        ...(hasExcluded ? { discriminator } : {}),
        ...(format === "onnx" ? modes : {}),
      });
      setResult(r.result);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const chooseDestination = () => {
    if (!client) return;
    if (info?.capabilities.nativeDialogs) {
      client
        .call("dialog.save", { purpose: "export", defaultName: baseName(destination || fileName) })
        .then(({ path }) => path && setOut(path))
        .catch((e) => toast(editor.ui, "error", `Could not open the dialog: ${messageOf(e)}`));
      return;
    }
    // The host's folder browser picks (and opens) the folder; the file keeps its name.
    browse(editor, { mode: "folder", title: "Export into this folder" })
      .then((folder) => folder && setOut(joinPath(folder, baseName(destination || fileName))))
      .catch((e) => toast(editor.ui, "error", `Could not choose the folder: ${messageOf(e)}`));
  };

  const reveal = (path: string) => {
    client
      ?.call("export.reveal", { path })
      .catch((e) => toast(editor.ui, "error", `Could not show the file: ${messageOf(e)}`));
  };

  return (
    <TabFrame
      tab="export"
      title="Export"
      description="Write a trained run as ONNX or TensorFlow.js, verified against the trained model."
      hidden={hidden}
    >
      <div className="export-layout">
        <ReadinessCard
          report={readiness.report}
          error={readiness.error}
          mode={format === "onnx" ? modes.inputs : null}
        />
        <div className="export-side">
          <section className="card" aria-label="Export settings">
            <header className="card-header">
              <h3>Export</h3>
            </header>
            {runs.length === 0 ? (
              <TabNextStep of={exportNextStep} trainedRuns={runs.length} />
            ) : (
              <div className="form-rows">
                <label className="form-row" htmlFor={ids.run}>
                  <span>Run</span>
                  <select id={ids.run} value={run?.runId ?? ""} onChange={(e) => setChosen(e.currentTarget.value)}>
                    {runs.map((r) => (
                      <option key={r.runId} value={r.runId}>
                        {runLabel(r)} · {r.status}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="form-row" htmlFor={ids.format}>
                  <span>Format</span>
                  <select
                    id={ids.format}
                    value={format}
                    onChange={(e) => {
                      setFormat(e.currentTarget.value as ExportFormat);
                      setOut("");
                    }}
                  >
                    <option value="onnx">ONNX (opset 17)</option>
                    <option value="tfjs">TensorFlow.js layers (folder)</option>
                  </select>
                </label>
                {format === "onnx" && <InputModeFields value={modes} onChange={setModes} />}
                <div className="form-row">
                  <label htmlFor={ids.out}>Destination</label>
                  <span className="dest">
                    <input
                      id={ids.out}
                      type="text"
                      spellCheck={false}
                      value={destination}
                      onChange={(e) => setOut(e.currentTarget.value)}
                    />
                    <button type="button" className="button small" onClick={chooseDestination}>
                      Choose…
                    </button>
                  </span>
                </div>
                <label className="check">
                  <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.currentTarget.checked)} /> Verify
                  against the trained model
                </label>
                <label className="check">
                  <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} /> Keep the
                  file if verification fails
                </label>
                {hasExcluded && (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={discriminator}
                      onChange={(e) => setDiscriminator(e.currentTarget.checked)}
                    />{" "}
                    Include the discriminator
                  </label>
                )}
                <div>
                  <button
                    type="button"
                    className="button primary"
                    disabled={!client || !run || !destination || busy || readiness.report?.exportable === false}
                    onClick={() => void doExport()}
                  >
                    {busy ? "Exporting…" : `Export ${format === "onnx" ? "ONNX" : "TF.js"}`}
                  </button>
                </div>
              </div>
            )}
          </section>
          {error && (
            <div className="problem-note" role="alert">
              <strong>Export failed.</strong> {error}
            </div>
          )}
          {result && (
            <ExportResultCard result={result} canReveal={Boolean(info?.capabilities.reveal)} onReveal={reveal} />
          )}
        </div>
      </div>
    </TabFrame>
  );
}
