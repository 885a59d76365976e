import { memo } from "react";
import type { ParamDef } from "../../../shared/layers/params";
import type { AnyLayerSpec } from "../../../shared/layers/spec";
import { ParamField } from "./ParamField";
import { paramMessage, visibleParams } from "./param-form";

/**
 * The form generated from a spec's params: one field per visible param, validated with the catalog's
 * messages. Used for a block and, recursively, for the layer a wrapper holds.
 */
export const ParamForm = memo(function ParamForm({
  idPrefix,
  spec,
  params,
  issues,
  onCommit,
  onBegin,
}: {
  idPrefix: string;
  spec: AnyLayerSpec;
  /** Resolved params (defaults filled). */
  params: Record<string, unknown>;
  /** Document diagnostics per param name. */
  issues: Readonly<Record<string, string>>;
  onCommit: (name: string, value: unknown) => void;
  onBegin: (name: string) => void;
}) {
  const fields = visibleParams(spec, params);
  if (fields.length === 0) return <p className="muted empty-note">This block has no parameters.</p>;
  return (
    <div className="param-form">
      {fields.map(([name, def]: [string, ParamDef]) => (
        <ParamField
          key={name}
          id={`${idPrefix}-${name}`}
          name={name}
          def={def}
          value={params[name]}
          issue={issues[name] ?? null}
          check={(v) => paramMessage(spec, params, name, v)}
          commit={(v) => onCommit(name, v)}
          begin={() => onBegin(name)}
        />
      ))}
    </div>
  );
});
