import type { BoolDef } from "../../../../shared/layers/params";
import { FieldFrame } from "./FieldFrame";
import type { FieldProps } from "./field-props";

/** A boolean as a switch (role="switch", so tests and screen readers read on/off). */
export function BoolField({ id, name, def, value, commit, begin, issue }: FieldProps<BoolDef>) {
  const on = value === true;
  return (
    <FieldFrame id={id} name={name} doc={def.doc} message={issue}>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={on}
        className="switch"
        onClick={() => {
          begin();
          commit(!on);
        }}
      >
        <span className="switch-knob" />
        <span className="switch-text">{on ? "on" : "off"}</span>
      </button>
    </FieldFrame>
  );
}
