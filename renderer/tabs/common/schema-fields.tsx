import { useEffect, useId, useState } from "react";
import type { FieldProps, FormMeta } from "./SchemaForm";
import {
  type FieldModel,
  getIn,
  humanize,
  type MultiField,
  type NumberField,
  numberProblem,
  type TupleField,
} from "./schema-model";

/** The inputs of a generated settings form, one per field kind; each commits a whole value. */

export function labelOf(field: FieldModel, meta: FormMeta | undefined): string {
  return meta?.labels?.[field.path.join(".")] ?? meta?.labels?.[field.key] ?? humanize(field.key);
}

export function Row({
  field,
  meta,
  issue,
  id,
  children,
}: {
  field: FieldModel;
  meta?: FormMeta;
  issue?: string | null;
  id: string;
  children: React.ReactNode;
}) {
  const hint = meta?.hints?.[field.path.join(".")] ?? meta?.hints?.[field.key];
  return (
    <div className={`field${issue ? " field--invalid" : ""}`}>
      <label className="field-label" htmlFor={id} title={hint}>
        {labelOf(field, meta)}
      </label>
      <div className="field-control">
        {children}
        {issue && (
          <p className="field-message" role="alert">
            {issue}
          </p>
        )}
      </div>
    </div>
  );
}

export function ScalarInput({ field, value, onChange, issues, meta, disabled }: FieldProps) {
  const id = useId();
  const dotted = field.path.join(".");
  const current = getIn(value, field.path);
  const issue = issues?.[dotted];
  if (field.kind === "boolean") {
    const checked = typeof current === "boolean" ? current : (field.default ?? false);
    return (
      <Row field={field} meta={meta} issue={issue} id={id}>
        <input
          id={id}
          type="checkbox"
          className="switch"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(field.path, e.currentTarget.checked)}
        />
      </Row>
    );
  }
  const options = field.kind === "enum" ? field.options : meta?.choices?.[dotted];
  if (options) {
    const fallback = field.kind === "enum" ? field.default : undefined;
    const values = field.kind === "enum" ? field.values : undefined;
    // An option stands for a value that need not be its text ("yes" for true).
    const at = values ? values.indexOf(current) : -1;
    const selected = at >= 0 ? options[at] : typeof current === "string" ? current : (fallback ?? "");
    const valueFor = (option: string) => (values ? values[options.indexOf(option)] : option);
    return (
      <Row field={field} meta={meta} issue={issue} id={id}>
        <select
          id={id}
          value={selected}
          disabled={disabled}
          onChange={(e) =>
            onChange(field.path, e.currentTarget.value === "" ? undefined : valueFor(e.currentTarget.value))
          }
        >
          {fallback === undefined && <option value="">{meta?.placeholders?.[dotted] ?? "(default)"}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {meta?.optionLabels?.[o] ?? o}
            </option>
          ))}
        </select>
      </Row>
    );
  }
  const numeric = field.kind === "string" && field.numeric;
  return (
    <Row field={field} meta={meta} issue={issue} id={id}>
      <TextCommit
        id={id}
        value={typeof current === "string" || typeof current === "number" ? String(current) : ""}
        placeholder={field.kind === "string" ? field.default : undefined}
        disabled={disabled}
        onCommit={(text) => {
          if (text === "") return onChange(field.path, undefined);
          onChange(field.path, numeric && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);
        }}
      />
    </Row>
  );
}

export function TupleInput({ field, value, onChange, meta, disabled, issues }: FieldProps & { field: TupleField }) {
  const id = useId();
  const current = getIn(value, field.path);
  const values = Array.isArray(current) ? (current as number[]) : (field.default ?? []);
  const dotted = field.path.join(".");
  return (
    <Row field={field} meta={meta} issue={issues?.[dotted]} id={id}>
      <span className="tuple-cells">
        {field.items.map((item, i) => (
          <TupleCell
            key={item.key}
            id={i === 0 ? id : undefined}
            label={`${labelOf(field, meta)} ${i + 1}`}
            item={item}
            value={values[i]}
            disabled={disabled}
            onCommit={(n) => {
              const next = field.items.map((_, k) => (k === i ? n : (values[k] ?? field.default?.[k] ?? 1)));
              onChange(field.path, next);
            }}
          />
        ))}
      </span>
    </Row>
  );
}

function TupleCell({
  id,
  label,
  item,
  value,
  disabled,
  onCommit,
}: {
  id?: string;
  label: string;
  item: NumberField;
  value: number | undefined;
  disabled?: boolean;
  onCommit(n: number): void;
}) {
  const shown = value === undefined ? "" : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const parsed = parseNumber(draft);
  const problem = parsed === undefined ? (draft.trim() ? "must be a number" : null) : numberProblem(item, parsed);
  const commit = () => {
    if (draft !== shown && parsed !== undefined && !problem) onCommit(parsed);
  };
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      aria-label={label}
      aria-invalid={Boolean(problem)}
      title={problem ?? undefined}
      value={draft}
      disabled={disabled}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
    />
  );
}

export function NumberInput({ field, value, onChange, issues, meta, disabled }: FieldProps & { field: NumberField }) {
  const id = useId();
  const dotted = field.path.join(".");
  const current = getIn(value, field.path);
  const shown = typeof current === "number" ? String(current) : "";
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const parsed = parseNumber(draft);
  const local = draft.trim() === "" ? null : parsed === undefined ? "must be a number" : numberProblem(field, parsed);
  const issue = local ?? (draft === shown ? issues?.[dotted] : undefined);
  const placeholder =
    meta?.placeholders?.[dotted] ??
    (field.default !== undefined ? String(field.default) : field.nullable ? "random" : "default");
  const commit = () => {
    if (draft === shown || local) return;
    onChange(field.path, draft.trim() === "" ? (field.nullable && !field.optional ? null : undefined) : parsed);
  };
  return (
    <Row field={field} meta={meta} issue={issue} id={id}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        value={draft}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={Boolean(issue)}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(shown);
        }}
      />
    </Row>
  );
}

function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isNaN(n) ? undefined : n;
}

export function MultiInput({ field, value, onChange, meta, disabled }: FieldProps & { field: MultiField }) {
  const current = getIn(value, field.path);
  const chosen = Array.isArray(current) ? (current as string[]) : field.default;
  return (
    <fieldset className="field choice-row">
      <legend className="field-label">{labelOf(field, meta)}</legend>
      <div className="field-control chips">
        {field.options.map((o) => (
          <label key={o} className="chip">
            <input
              type="checkbox"
              checked={chosen.includes(o)}
              disabled={disabled}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const next = on ? [...chosen, o] : chosen.filter((c) => c !== o);
                onChange(
                  field.path,
                  field.options.filter((x) => next.includes(x)),
                );
              }}
            />
            {meta?.optionLabels?.[o] ?? o}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A text box that reports its value when the user is done (blur or Enter), not per keystroke. */
export function TextCommit({
  id,
  value,
  placeholder,
  disabled,
  label,
  onCommit,
}: {
  id?: string;
  value: string;
  placeholder?: string;
  disabled?: boolean;
  label?: string;
  onCommit(text: string): void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft.trim());
  };
  return (
    <input
      id={id}
      type="text"
      spellCheck={false}
      aria-label={label}
      value={draft}
      placeholder={placeholder}
      disabled={disabled}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") setDraft(value);
      }}
    />
  );
}
