import { memo } from "react";
import { ACTIVATIONS } from "../../../shared/layers/activations";
import type { AnyLayerSpec } from "../../../shared/layers/spec";
import { ActivationPlot } from "./ActivationPlot";
import { MathText } from "./MathText";
import { activationOf } from "./plot-path";

/**
 * A block's documentation from its spec: what it computes (formula typeset), shapes in and out,
 * when to use it, its ports, caveats, and for an activation a plot of f and f'.
 */
export const DocsView = memo(function DocsView({
  spec,
  params,
}: {
  spec: AnyLayerSpec;
  params: Record<string, unknown> | null;
}) {
  const { doc } = spec;
  const act = activationOf(spec.kind, params);
  const info = act ? ACTIVATIONS[act.name] : null;
  return (
    <section className="section docs" aria-label="Documentation">
      <h3>About {spec.title}</h3>
      <p>{doc.summary}</p>
      <div className="formula">
        <MathText text={doc.formula} />
      </div>
      {act && info && (
        <>
          <h3>Activation · {info.title}</h3>
          <ActivationPlot name={act.name} opts={act.opts} />
          <div className="formula">
            <MathText text={info.formula} />
            <br />
            <MathText text={info.derivative} />
          </div>
        </>
      )}
      <dl>
        <dt>Input</dt>
        <dd>{doc.inputShape}</dd>
        <dt>Output</dt>
        <dd>{doc.outputShape}</dd>
        <dt>Use it</dt>
        <dd>{doc.whenToUse}</dd>
        {spec.inputs.length > 1 &&
          spec.inputs.map((p) => <PortDoc key={p.name} name={p.name} doc={p.doc} optional={p.optional === true} />)}
      </dl>
      {doc.notes && doc.notes.length > 0 && (
        <details>
          <summary>Notes ({doc.notes.length})</summary>
          <ul className="notes">
            {doc.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});

function PortDoc({ name, doc, optional }: { name: string; doc: string; optional: boolean }) {
  return (
    <>
      <dt className="mono">{name}</dt>
      <dd>
        {doc}
        {optional ? " (optional)" : ""}
      </dd>
    </>
  );
}
