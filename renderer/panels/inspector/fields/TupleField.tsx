import { useEffect, useState } from "react";
import type { IntsDef } from "../../../../shared/layers/params";
import { AUTO_CELL, tupleCellText, tupleHint } from "../param-form";
import { FieldFrame } from "./FieldFrame";
import type { FieldProps } from "./field-props";

const asCells = (value: unknown, def: IntsDef): string[] =>
  Array.isArray(value) ? value.map((d) => tupleCellText(def, d)) : [];

/** "?" (or an empty cell) is null where the def allows it, as in an Input shape [?, 8]. */
function parseCells(cells: readonly string[], def: IntsDef): unknown[] {
  return cells.map((c) => {
    const t = c.trim();
    if ((t === "?" || t === "") && def.allow?.includes(null)) return null;
    const n = Number(t);
    return t !== "" && Number.isFinite(n) ? n : t;
  });
}

const sameValues = (a: readonly unknown[], b: unknown) =>
  Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

/** A small tuple editor: one cell per dimension, plus add/remove for variable-length shapes. */
export function TupleField({ id, name, def, value, check, commit, begin, issue }: FieldProps<IntsDef>) {
  const [cells, setCells] = useState(asCells(value, def));
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    setCells((c) => (sameValues(parseCells(c, def), value) ? c : asCells(value, def)));
    setMessage(null);
  }, [value, def]);

  const [minLen, maxLen] = typeof def.length === "number" ? [def.length, def.length] : def.length;
  const update = (next: string[]) => {
    setCells(next);
    const parsed = parseCells(next, def);
    const problem = check(parsed);
    setMessage(problem);
    if (!problem && !sameValues(parsed, value)) commit(parsed);
  };
  return (
    <FieldFrame id={`${id}-0`} name={name} doc={def.doc} hint={tupleHint(def, cells)} message={message ?? issue}>
      <fieldset
        className="tuple-input"
        aria-label={name}
        onFocus={(e) => {
          // One history entry for the whole tuple: mark when focus enters it, not per cell.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) begin();
        }}
      >
        {cells.map((c, i) => (
          <input
            // biome-ignore lint/suspicious/noArrayIndexKey: a dimension's identity is its index.
            key={i}
            id={`${id}-${i}`}
            type="text"
            inputMode="numeric"
            aria-label={`${name}[${i}]`}
            aria-invalid={Boolean(message ?? issue)}
            aria-describedby={`${id}-0-message`}
            spellCheck={false}
            value={c}
            placeholder={def.nullMeans ? AUTO_CELL : undefined}
            onChange={(e) => update(cells.map((x, j) => (j === i ? e.target.value : x)))}
            onBlur={() => {
              if (message) {
                setCells(asCells(value, def));
                setMessage(null);
              }
            }}
          />
        ))}
        {maxLen > minLen && (
          <span className="tuple-buttons">
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove last dimension of ${name}`}
              disabled={cells.length <= minLen}
              onClick={() => update(cells.slice(0, -1))}
            >
              −
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Add dimension to ${name}`}
              disabled={cells.length >= maxLen}
              onClick={() => update([...cells, String(def.min ?? 1)])}
            >
              +
            </button>
          </span>
        )}
        {cells.length === 0 && <span className="muted">none</span>}
      </fieldset>
    </FieldFrame>
  );
}
