import type { Regularizer, RegularizerDef } from "../../../../shared/layers/params";
import { FieldFrame } from "./FieldFrame";
import type { FieldProps } from "./field-props";

/** None, or L1/L2 factors: a switch plus two small number cells. */
export function RegularizerField({ id, name, def, value, check, commit, begin, issue }: FieldProps<RegularizerDef>) {
  const r = (value as Regularizer | null) ?? null;
  const set = (next: Regularizer | null) => {
    if (!check(next)) commit(next);
  };
  return (
    <FieldFrame id={id} name={name} doc={def.doc} message={issue}>
      <div className="regularizer-input">
        <button
          id={id}
          type="button"
          role="switch"
          aria-checked={r !== null}
          aria-label={`${name} enabled`}
          className="switch"
          onClick={() => {
            begin();
            set(r ? null : { l1: 0, l2: 0.01 });
          }}
        >
          <span className="switch-knob" />
          <span className="switch-text">{r ? "on" : "none"}</span>
        </button>
        {r &&
          (["l1", "l2"] as const).map((k) => (
            <label key={k} className="inline-number">
              <span>{k}</span>
              <input
                type="number"
                min={0}
                step={0.001}
                aria-label={`${name} ${k}`}
                value={r[k]}
                onFocus={begin}
                onChange={(e) => {
                  const n = e.target.valueAsNumber;
                  if (Number.isFinite(n)) set({ ...r, [k]: n });
                }}
              />
            </label>
          ))}
      </div>
    </FieldFrame>
  );
}
