import { useId } from "react";
import { labelOf, MultiInput, NumberInput, Row, ScalarInput, TupleInput } from "./schema-fields";
import { type FieldModel, getIn, type ObjectField, setIn, type UnionField, variantFor } from "./schema-model";

/** What the schema cannot say: labels, hints, option names, choices for free strings, hidden fields. */
export interface FormMeta {
  /** By dotted path ("optimizer.beta1") or by key ("epsilon"). */
  labels?: Record<string, string>;
  hints?: Record<string, string>;
  optionLabels?: Record<string, string>;
  /** Options for a string field (early stopping's monitor), by dotted path. */
  choices?: Record<string, readonly string[]>;
  /** Dotted paths not drawn. */
  hidden?: ReadonlySet<string>;
  /** Placeholder text for empty optional numbers, by dotted path. */
  placeholders?: Record<string, string>;
}

export interface SchemaFormProps {
  model: ObjectField;
  /** The settings as stored (defaults may be absent). */
  value: unknown;
  /** One committed change; the caller makes it one undoable edit. */
  onChange(path: readonly string[], value: unknown): void;
  /** Problems by dotted path, from parsing the whole value. */
  issues?: Record<string, string>;
  meta?: FormMeta;
  disabled?: boolean;
}

/** A settings form drawn from a schema's model (schema-model.ts); every control has a label. */
export function SchemaForm(props: SchemaFormProps) {
  return (
    <div className="schema-form">
      {props.model.fields.map((f) => (
        <Field key={f.key} field={f} {...props} />
      ))}
    </div>
  );
}

export type FieldProps = SchemaFormProps & { field: FieldModel };

function Field(props: FieldProps) {
  const { field, meta } = props;
  const dotted = field.path.join(".");
  if (meta?.hidden?.has(dotted) || field.kind === "opaque") return null;
  switch (field.kind) {
    case "object":
      return (
        <fieldset className="schema-group">
          <legend>{labelOf(field, meta)}</legend>
          {field.fields.map((f) => (
            <Field key={f.key} {...props} field={f} />
          ))}
        </fieldset>
      );
    case "union":
      return <UnionInput {...props} field={field} />;
    case "number":
      return <NumberInput {...props} field={field} />;
    case "multi":
      return <MultiInput {...props} field={field} />;
    case "tuple":
      return <TupleInput {...props} field={field} />;
    default:
      return <ScalarInput {...props} />;
  }
}

function UnionInput(props: FieldProps & { field: UnionField }) {
  const { field, value, onChange, meta, disabled, issues } = props;
  const id = useId();
  const current = getIn(value, field.path) as { type?: unknown } | undefined;
  const tag = String(current?.type ?? field.default ?? field.variants[0]?.tags[0] ?? "");
  const variant = variantFor(field, tag);
  const dotted = field.path.join(".");
  return (
    <>
      <Row field={field} meta={meta} issue={issues?.[`${dotted}.type`] ?? issues?.[dotted]} id={id}>
        <select
          id={id}
          value={tag}
          disabled={disabled}
          onChange={(e) => onChange(field.path, { type: e.currentTarget.value })}
        >
          {field.variants.flatMap((v) =>
            v.tags.map((t) => (
              <option key={t} value={t}>
                {meta?.optionLabels?.[t] ?? t}
              </option>
            )),
          )}
        </select>
      </Row>
      {variant && variant.fields.length > 0 && (
        <div className="schema-variant">
          {variant.fields.map((f) => (
            <Field
              key={f.key}
              {...props}
              field={f}
              // A variant's field writes the whole tagged object, so a default variant gains its tag.
              onChange={(path, v) => {
                const own = current && typeof current === "object" && current.type === tag ? current : { type: tag };
                onChange(field.path, setIn(own, path.slice(field.path.length), v));
              }}
            />
          ))}
        </div>
      )}
    </>
  );
}
