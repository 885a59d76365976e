import { getSpec } from "../../../shared/layers/catalog";
import type { LayerDef, NestedLayer } from "../../../shared/layers/params";
import { resolveParams } from "../../../shared/layers/resolve";
import { BoolField } from "./fields/BoolField";
import { EnumField } from "./fields/EnumField";
import { FieldFrame } from "./fields/FieldFrame";
import type { FieldProps } from "./fields/field-props";
import { NumberField } from "./fields/NumberField";
import { RegularizerField } from "./fields/RegularizerField";
import { TupleField } from "./fields/TupleField";
import { ParamForm } from "./ParamForm";

/** Picks the control for a param def; the def type is the only thing that decides. */
export function ParamField(props: FieldProps) {
  const { def } = props;
  switch (def.type) {
    case "int":
    case "float":
      return <NumberField {...props} def={def} />;
    case "bool":
      return <BoolField {...props} def={def} />;
    case "enum":
      return <EnumField {...props} def={def} />;
    case "ints":
      return <TupleField {...props} def={def} />;
    case "regularizer":
      return <RegularizerField {...props} def={def} />;
    case "layer":
      return <LayerField {...props} def={def} />;
  }
}

/** The layer a wrapper holds (Bidirectional's LSTM): its kind, then its own generated form. */
function LayerField({ id, name, def, value, commit, begin, issue }: FieldProps<LayerDef>) {
  const nested = value as NestedLayer;
  const inner = getSpec(nested.kind);
  return (
    <>
      <FieldFrame id={id} name={name} doc={def.doc} message={issue}>
        <select
          id={id}
          value={nested.kind}
          onFocus={begin}
          onChange={(e) => {
            begin();
            const spec = getSpec(e.target.value);
            if (spec) commit({ kind: spec.kind, params: resolveParams(spec, {}).params });
          }}
        >
          {def.kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </FieldFrame>
      {inner && (
        <fieldset className="nested-form" aria-label={`${name} (${nested.kind})`}>
          <ParamForm
            idPrefix={`${id}-inner`}
            spec={inner}
            params={nested.params}
            issues={{}}
            onBegin={begin}
            onCommit={(k, v) => commit({ kind: nested.kind, params: { ...nested.params, [k]: v } })}
          />
        </fieldset>
      )}
    </>
  );
}
