import type { ExportResult } from "../../../shared/onnx/result";
import "../../styles/export.css";
import { VERIFY_TOLERANCE } from "../../../shared/onnx/result";
import { BareFlag, PipelineDetails } from "./PipelineDetails";
import { RawCheckTable } from "./RawCheckTable";

/** What the export wrote and how well the file agrees with the trained model. */
export function ExportResultCard({
  result,
  canReveal,
  onReveal,
}: {
  result: ExportResult;
  canReveal: boolean;
  onReveal(path: string): void;
}) {
  const skipped = result.samples === 0;
  const tensor = (t: ExportResult["inputs"][number]) => `${t.name} ${t.dtype} [${t.shape.join(", ")}]`;
  return (
    <section className="card verify-result" aria-label="Export result">
      <div
        className={`verdict ${result.verified || skipped ? "ok" : "bad"}`}
        role="status"
        data-testid="export-verdict"
      >
        {skipped ? "Written, not verified" : result.verified ? "✓ Verified" : "✗ Verification failed"}
      </div>
      {result.pipeline?.mode === "bare" && <BareFlag />}
      <dl className="facts-grid">
        <dt>Max abs diff</dt>
        <dd data-testid="max-abs-diff">{result.maxAbsDiff === null ? "–" : result.maxAbsDiff.toExponential(2)}</dd>
        <dt>Max rel diff</dt>
        <dd>{result.maxRelDiff === null ? "–" : result.maxRelDiff.toExponential(2)}</dd>
        <dt>Tolerance</dt>
        <dd>{VERIFY_TOLERANCE.toExponential(0)} absolute</dd>
        <dt>Samples</dt>
        <dd>{result.samples}</dd>
        <dt>Format</dt>
        <dd>
          {result.format}
          {result.opset !== null ? ` · opset ${result.opset}` : ""}
          {result.irVersion !== null ? ` · IR ${result.irVersion}` : ""}
        </dd>
        {/* An ONNX file's ports are listed below, with what each holds. */}
        {!result.pipeline && (
          <>
            <dt>Inputs</dt>
            <dd>{result.inputs.map(tensor).join("; ") || "–"}</dd>
            <dt>Outputs</dt>
            <dd>{result.outputs.map(tensor).join("; ") || "–"}</dd>
          </>
        )}
        <dt>File</dt>
        <dd data-testid="export-file">{result.file ?? "removed (verification failed)"}</dd>
      </dl>
      {result.pipeline && <PipelineDetails pipeline={result.pipeline} beside={result.beside} />}
      {result.rawCheck && <RawCheckTable check={result.rawCheck} />}
      {result.warnings.length > 0 && (
        <ul className="warn-list">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {result.file && (
        <div>
          {canReveal ? (
            <button type="button" className="button" onClick={() => result.file && onReveal(result.file)}>
              Reveal file
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => result.file && void navigator.clipboard?.writeText(result.file).catch(() => {})}
              title="Browser mode cannot open the file manager; the file is on the host at this path"
            >
              Copy path
            </button>
          )}
        </div>
      )}
    </section>
  );
}
