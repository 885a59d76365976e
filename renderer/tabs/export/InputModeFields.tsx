import { useId } from "react";
import type { ExportInputMode, TableInputMode } from "../../../shared/onnx/pipeline/types";
import { useProbe } from "../common/session";

/** What an ONNX export takes: raw data through the run's preprocessing (default) or the bare network. */
export interface InputModes {
  inputs: ExportInputMode;
  tableInputs: TableInputMode;
}

export const DEFAULT_INPUT_MODES: InputModes = { inputs: "raw", tableInputs: "columns" };

export const INPUT_MODE_TEXT: Record<ExportInputMode, string> = {
  raw: "Raw data (preprocessing inside the file)",
  bare: "Bare network (expects preprocessed inputs)",
};

/**
 * The "Inputs" choice of an ONNX export, and for a table run how its columns come in: one input
 * per column (strings for categories, as sklearn-onnx does) or one float matrix, which only a
 * table of numbers can be.
 */
export function InputModeFields({ value, onChange }: { value: InputModes; onChange(next: InputModes): void }) {
  const ids = { inputs: useId(), table: useId() };
  const summary = useProbe((s) => s.summary);
  const features = (summary?.columns ?? []).filter((c) => c.role === "feature");
  const isTable = summary?.kind === "table";
  const categorical = features.filter((c) => c.type !== "numeric").map((c) => c.name);
  return (
    <>
      {/* The label names the select alone (not its option text), so "Inputs" is its whole accessible name. */}
      <div className="form-row">
        <label htmlFor={ids.inputs}>Inputs</label>
        <select
          id={ids.inputs}
          value={value.inputs}
          onChange={(e) => onChange({ ...value, inputs: e.currentTarget.value as ExportInputMode })}
        >
          <option value="raw">{INPUT_MODE_TEXT.raw}</option>
          <option value="bare">{INPUT_MODE_TEXT.bare}</option>
        </select>
      </div>
      {isTable && value.inputs === "raw" && (
        <div className="form-row">
          <label htmlFor={ids.table}>Table inputs</label>
          <select
            id={ids.table}
            value={value.tableInputs}
            onChange={(e) => onChange({ ...value, tableInputs: e.currentTarget.value as TableInputMode })}
          >
            <option value="columns">One per column</option>
            <option
              value="matrix"
              disabled={categorical.length > 0}
              title={categorical.length > 0 ? `not with text columns (${categorical.join(", ")})` : undefined}
            >
              One matrix{categorical.length > 0 ? " (numbers only)" : ""}
            </option>
          </select>
        </div>
      )}
    </>
  );
}
