import { useState } from "react";
import type { PredictionResult } from "../../../shared/evaluation/report";
import type { RawSample } from "../../../shared/evaluation/request";
import { useEditor } from "../../state/editor-context";
import { projectRef } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useClient, useProbe } from "../common/session";
import { fileBase64 } from "../data/actions";
import { num, pct } from "./format";
import { parseSteps } from "./series-steps";

type InputKind = "values" | "table" | "image" | "text" | "series";

/** Which input the try-it panel asks for, from the kind of data the project is bound to. */
export function inputKindOf(dataKind: string | undefined): InputKind {
  if (dataKind === "table") return "table";
  if (dataKind === "imageFolder" || dataKind === "idx") return "image";
  if (dataKind === "text") return "text";
  if (dataKind === "timeSeries") return "series";
  return "values";
}

const LABELS: Record<InputKind, string> = {
  text: "Text to classify",
  series: "Recent steps",
  values: "Sample values",
  table: "",
  image: "",
};
const PLACEHOLDERS: Record<InputKind, string> = {
  text: "Type a text",
  series: "Paste the recent steps, oldest first, with the CSV's header row:\ndate,value\n2024-01-01,6.5\n…",
  values: "Sample values, e.g. 0, 1",
  table: "",
  image: "",
};

/** Reads "0, 1", "[0, 1]" or nested JSON arrays as a sample's values. */
export function parseValues(text: string): unknown {
  const t = text.trim();
  if (t === "") throw new Error("type the sample's values, e.g. 0, 1");
  const json = t.startsWith("[") ? t : `[${t}]`;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    throw new Error(`expected numbers separated by commas, or a JSON array; received "${t.slice(0, 40)}"`);
  }
  const ok = (x: unknown): boolean => (Array.isArray(x) ? x.every(ok) : typeof x === "number" && Number.isFinite(x));
  if (!ok(v)) throw new Error(`expected only numbers; received ${json.slice(0, 40)}`);
  return v;
}

/**
 * Try the model: type values, fill a table row, drop an image, write a text or paste a series'
 * recent steps; the host puts it through the run's own preprocessing and answers with the class
 * and every class's probability, or the predicted values (a forecast in the target's units).
 */
export function TryIt({ runId }: { runId: string | null }) {
  const client = useClient();
  const editor = useEditor();
  const summary = useProbe((s) => s.summary);
  const kind = inputKindOf(summary?.kind);
  const features = (summary?.columns ?? []).filter((c) => c.role === "feature");
  const [text, setText] = useState("");
  const [row, setRow] = useState<Record<string, string>>({});
  const [result, setResult] = useState<PredictionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);

  const predict = async (sample: RawSample) => {
    if (!client || !runId) return;
    setBusy(true);
    try {
      const r = await client.call("predict.run", { runId, ...projectRef(editor.ui), samples: [sample] });
      setResult(r.result);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    try {
      if (kind === "text") void predict({ kind: "text", text });
      else if (kind === "series") void predict({ kind: "series", steps: parseSteps(text) });
      else if (kind === "table") {
        const values: Record<string, string | number | null> = {};
        for (const c of features) {
          const v = (row[c.name] ?? "").trim();
          values[c.name] = v === "" ? null : c.type === "numeric" && Number.isFinite(Number(v)) ? Number(v) : v;
        }
        void predict({ kind: "table", row: values });
      } else void predict({ kind: "values", x: parseValues(text) as never });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const dropImage = async (file: File | undefined) => {
    if (!file) return;
    try {
      await predict({ kind: "image", base64: await fileBase64(file) });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="card try-it" aria-label="Try it">
      <header className="card-header">
        <h3>Try it</h3>
        {!runId && <span className="muted">choose a trained run first</span>}
      </header>
      {kind === "image" ? (
        <label
          className={`drop-target${over ? " over" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void dropImage(e.dataTransfer.files[0]);
          }}
        >
          Drop an image here, or click to choose one
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            aria-label="Image to classify"
            onChange={(e) => void dropImage(e.currentTarget.files?.[0])}
          />
        </label>
      ) : kind === "table" ? (
        <div className="try-fields">
          {features.map((c) => (
            <label key={c.name}>
              {c.name}
              <input
                type="text"
                value={row[c.name] ?? ""}
                placeholder={c.examples[0] ?? ""}
                onChange={(e) => setRow({ ...row, [c.name]: e.currentTarget.value })}
              />
            </label>
          ))}
        </div>
      ) : (
        <textarea
          aria-label={LABELS[kind]}
          placeholder={PLACEHOLDERS[kind]}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      )}
      {kind !== "image" && (
        <div>
          <button type="button" className="button primary" disabled={!client || !runId || busy} onClick={submit}>
            Predict
          </button>
        </div>
      )}
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
      {result && <PredictionView result={result} />}
    </section>
  );
}

function PredictionView({ result }: { result: PredictionResult }) {
  const p = result.predictions[0];
  if (!p) return null;
  const warnings = result.warnings[0] ?? [];
  return (
    <div className="prediction" aria-label="Prediction" role="status">
      {p.kind === "class" ? (
        <>
          <p>
            Predicted <strong data-testid="predicted-class">{p.className}</strong> ({pct(p.confidence)})
          </p>
          <ul className="prob-bars">
            {p.probabilities
              .map((v, i) => ({ v, name: result.classNames?.[i] ?? String(i), i }))
              .sort((a, b) => b.v - a.v)
              .slice(0, 10)
              .map(({ v, name, i }) => (
                <li key={name} className={i === p.classId ? "top" : undefined}>
                  <span>{name}</span>
                  <span className="bar" style={{ width: `${v * 100}%` }} />
                  <span className="mono">{pct(v)}</span>
                </li>
              ))}
          </ul>
        </>
      ) : (
        <p>
          Predicted{" "}
          <span className="mono">
            {p.values.map((v, i) => (p.names?.[i] ? `${p.names[i]} ${num(v)}` : num(v))).join(", ")}
          </span>
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="warn-list">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
