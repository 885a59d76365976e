import { useState } from "react";
import type { StepThroughResult } from "../../../shared/api/schemas/step-through";
import { useEditor } from "../../state/editor-context";
import { projectRef, requestFocus, setSelection } from "../../state/ui-store";
import { messageOf } from "../../tabs/common/errors";
import { clientOf } from "../../tabs/common/session";
import { type StepRow, stepScreens, tensorRows, typedSample } from "./steps";

/**
 * The step-through under the canvas: one forward and backward pass on one training sample,
 * computed by the trainer, shown block by block; each step selects and centres its block.
 */
export function StepThrough() {
  const editor = useEditor();
  const [open, setOpen] = useState(false);
  const [sample, setSample] = useState(0);
  const [typedX, setTypedX] = useState("");
  const [typedY, setTypedY] = useState("");
  const [result, setResult] = useState<StepThroughResult | null>(null);
  const [at, setAt] = useState(0);
  const [status, setStatus] = useState<string>("");
  const screens = result ? stepScreens(result) : [];
  const screen = screens[at];

  const show = (i: number, list = screens) => {
    setAt(i);
    const id = list[i]?.nodeId;
    if (id) {
      setSelection(editor.ui, { nodes: [id], edges: [] });
      requestFocus(editor.ui, id);
    }
  };
  const run = async () => {
    const client = clientOf(editor);
    if (!client) return setStatus("Step-through needs the NetForge host (the trainer computes every value).");
    setOpen(true);
    const typed = typedSample(typedX, typedY);
    if (typed && "error" in typed) return setStatus(typed.error);
    setStatus("Computing one forward and backward pass…");
    try {
      const r = await client.call("step.run", {
        project: editor.project(),
        ...projectRef(editor.ui),
        sample: typed ?? { index: sample },
      });
      setResult(r.result);
      setStatus(
        `${typed ? "Typed-in sample" : `Sample ${sample}`}: ${r.result.paramCount} weights${r.result.detailed ? "" : " (summaries: too many to list)"}`,
      );
      show(0, stepScreens(r.result));
    } catch (error) {
      setResult(null);
      setStatus(`Step-through failed: ${messageOf(error)}`);
    }
  };

  return (
    <section className="problems step-through" aria-label="Step-through" data-collapsed={!open}>
      <div className="problems-header">
        <button type="button" className="toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          Step-through
        </button>
        <label className="step-sample">
          Sample
          <input
            type="number"
            min={0}
            value={sample}
            onChange={(e) => setSample(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
          />
        </label>
        <TypedField
          name="x"
          title="Or type a sample's input (numbers separated by commas)"
          value={typedX}
          set={setTypedX}
        />
        <TypedField name="y" title="and its target" value={typedY} set={setTypedY} />
        <button type="button" className="button" onClick={() => void run()}>
          Step through
        </button>
        {result && (
          <>
            <button type="button" className="button" disabled={at === 0} onClick={() => show(at - 1)}>
              Back
            </button>
            <button type="button" className="button" disabled={at >= screens.length - 1} onClick={() => show(at + 1)}>
              Next
            </button>
          </>
        )}
        <span role="status" className="step-status">
          {status}
        </span>
      </div>
      {open && screen && (
        <div className="step-body">
          <h3>{screen.title}</h3>
          <table>
            <tbody>
              {screen.rows.map((row) => (
                <Row key={row.label} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Row({ row }: { row: StepRow }) {
  const t = row.tensor;
  const rows = tensorRows(t);
  return (
    <tr aria-label={row.label}>
      <th scope="row">{row.label}</th>
      <td className="step-values">
        {rows ? (
          rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed tensor never reorder
            <div key={i} title={t.values?.slice(i * r.length, (i + 1) * r.length).join(", ")}>
              {r.join("  ")}
            </div>
          ))
        ) : (
          <span>
            [{t.shape.join(", ")}] mean {t.mean.toPrecision(3)}, std {t.std.toPrecision(3)}, min {t.min.toPrecision(3)},
            max {t.max.toPrecision(3)}
          </span>
        )}
      </td>
      <td className="step-formula">{row.formula}</td>
    </tr>
  );
}

/** One half of a typed-in sample; empty means "the data's sample". */
function TypedField(p: { name: string; title: string; value: string; set: (v: string) => void }) {
  return (
    <label className="step-sample" title={p.title}>
      {p.name}
      <input className="step-typed" value={p.value} placeholder="from data" onChange={(e) => p.set(e.target.value)} />
    </label>
  );
}
