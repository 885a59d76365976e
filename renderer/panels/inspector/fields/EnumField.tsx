import type { EnumDef } from "../../../../shared/layers/params";
import { FieldFrame } from "./FieldFrame";
import type { FieldProps } from "./field-props";

/** An enum as a select; every value in the catalog is valid, so it commits on change. */
export function EnumField({ id, name, def, value, commit, begin, issue }: FieldProps<EnumDef>) {
  return (
    <FieldFrame id={id} name={name} doc={def.doc} message={issue}>
      <select
        id={id}
        value={String(value)}
        aria-describedby={`${id}-message`}
        onFocus={begin}
        onChange={(e) => {
          begin();
          commit(e.target.value);
        }}
      >
        {def.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
