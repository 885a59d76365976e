import type { RawCheck } from "../../../shared/onnx/result";
import { SampleView } from "../evaluate/SampleView";
import { agreementText } from "./raw-check-text";

/**
 * The raw-data check: samples read from the user's own files, fed raw to the file (onnxruntime)
 * and to NetForge (its preprocessing and model), both answers side by side, a mark where they differ.
 */
export function RawCheckTable({ check }: { check: RawCheck }) {
  const allAgree = check.agree === check.count;
  return (
    <section className="raw-check" aria-label="Raw-data check">
      <h4>Raw-data check</h4>
      <p>
        <span
          className={allAgree ? "status-exported" : "status-notExportable"}
          role="status"
          aria-label="Raw agreement"
        >
          {agreementText(check.agree, check.count)}
        </span>{" "}
        <span className="muted small">on {check.source}</span>
      </p>
      {check.shown.length > 0 && (
        <div className="table-scroll">
          <table className="data-table raw-check-table" aria-label="Raw samples">
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col">NetForge</th>
                <th scope="col">The file</th>
                <th scope="col">Agree</th>
              </tr>
            </thead>
            <tbody>
              {check.shown.map((s, i) => (
                // Samples carry no id; the order is the check's own and never changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={i} className={s.agree ? undefined : "differs"}>
                  <td>
                    <SampleView input={s.input} size={40} />
                  </td>
                  <td className="mono">{s.netforge}</td>
                  <td className="mono">{s.onnx}</td>
                  <td
                    aria-label={s.agree ? "agree" : "differ"}
                    className={s.agree ? "status-exported" : "status-notExportable"}
                  >
                    {s.agree ? "✓" : "≠"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
