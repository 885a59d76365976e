import { useEffect, useState } from "react";
import type { FloatDef, IntDef } from "../../../../shared/layers/params";
import { boundsHint, emptyNumberText, formatNumber, parseNumber, stepNumber } from "../param-form";
import { FieldFrame } from "./FieldFrame";
import type { FieldProps } from "./field-props";

/** A number with its bounds, steppers (buttons and arrow keys) and the catalog's message when invalid. */
export function NumberField({ id, name, def, value, check, commit, begin, issue }: FieldProps<IntDef | FloatDef>) {
  const [draft, setDraft] = useState(formatNumber(value));
  const [message, setMessage] = useState<string | null>(null);
  // Follow the document (undo, another field's fix) unless the draft already means this value.
  useEffect(() => {
    setDraft((d) => (parseNumber(d, def) === value ? d : formatNumber(value)));
    setMessage(null);
  }, [value, def]);

  const update = (text: string) => {
    setDraft(text);
    const next = parseNumber(text, def);
    const problem = check(next);
    setMessage(problem);
    if (!problem && next !== value) commit(next);
  };
  const step = (direction: 1 | -1) => {
    begin();
    update(formatNumber(stepNumber(def, parseNumber(draft, def), direction)));
  };
  return (
    <FieldFrame id={id} name={name} doc={def.doc} hint={boundsHint(def)} message={message ?? issue}>
      <div className="number-input">
        <button
          type="button"
          className="stepper"
          aria-label={`Decrease ${name}`}
          tabIndex={-1}
          onClick={() => step(-1)}
        >
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode={def.type === "int" ? "numeric" : "decimal"}
          role="spinbutton"
          aria-valuenow={typeof value === "number" ? value : undefined}
          aria-valuemin={def.min}
          aria-valuemax={def.max}
          aria-invalid={Boolean(message ?? issue)}
          aria-describedby={`${id}-message`}
          placeholder={emptyNumberText(def)}
          value={draft}
          spellCheck={false}
          onFocus={begin}
          onChange={(e) => update(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "ArrowUp" || e.key === "ArrowDown") {
              e.preventDefault();
              step(e.key === "ArrowUp" ? 1 : -1);
            }
          }}
          onBlur={() => {
            // An invalid draft is never written; leaving the field shows the value in force again.
            if (message) {
              setDraft(formatNumber(value));
              setMessage(null);
            }
          }}
        />
        <button type="button" className="stepper" aria-label={`Increase ${name}`} tabIndex={-1} onClick={() => step(1)}>
          +
        </button>
      </div>
    </FieldFrame>
  );
}
