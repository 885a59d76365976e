import { useMemo } from "react";
import type { z } from "zod";
import { IdxSourceSchema } from "../../../shared/datasets/sources/idx";
import { ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import { NpySourceSchema } from "../../../shared/datasets/sources/npy";
import { SentencePairsSourceSchema } from "../../../shared/datasets/sources/sentence-pairs";
import { TableSourceSchema } from "../../../shared/datasets/sources/table";
import { TextSourceSchema } from "../../../shared/datasets/sources/text";
import { TimeSeriesSourceSchema } from "../../../shared/datasets/sources/time-series";
import { DatasetSpecSchema } from "../../../shared/datasets/spec";
import { SplitSchema } from "../../../shared/datasets/split";
import { useEditor } from "../../state/editor-context";
import { useDoc } from "../../state/hooks";
import { type FormMeta, SchemaForm } from "../common/SchemaForm";
import { formModel, getIn, type ObjectField } from "../common/schema-model";
import { editSpec } from "./actions";

/** Each source kind's own schema; the preprocessing form is generated from it. */
const SOURCE_SCHEMAS: Record<string, z.ZodType> = {
  table: TableSourceSchema,
  imageFolder: ImageFolderSourceSchema,
  idx: IdxSourceSchema,
  npy: NpySourceSchema,
  text: TextSourceSchema,
  sentencePairs: SentencePairsSourceSchema,
  timeSeries: TimeSeriesSourceSchema,
};
const models = new Map<string, ObjectField>();
function sourceModel(kind: string): ObjectField | null {
  const schema = SOURCE_SCHEMAS[kind];
  if (!schema) return null;
  let m = models.get(kind);
  if (!m) {
    m = formModel(schema);
    models.set(kind, m);
  }
  return m;
}
const SPLIT_MODEL = formModel(SplitSchema);

/** Where the data is and which columns: chosen elsewhere (the file picker, the columns table). */
const HIDDEN = new Set(["kind", "path", "images", "labels", "x", "y", "columns", "label", "classNames"]);
/** The split's validation fraction is the Train tab's setting (ValidationNote shows it here). */
const SPLIT_HIDDEN = new Set([...HIDDEN, "validation"]);

const META: FormMeta = {
  hidden: HIDDEN,
  labels: {
    targetSize: "Image size",
    skipBadImages: "Skip unreadable",
    kFold: "k-fold",
    maxLength: "Max. length",
    vocabSize: "Vocabulary size",
    oovToken: "Unknown token",
    "missing.strategy": "Missing values",
    "missing.value": "Fill value",
  },
  hints: {
    normalization: "Fitted on the training rows only and saved with each run.",
    test: "Fraction held out for the final test (Evaluate tab).",
    stratify: "Keep each class's share the same in every part.",
    seed: "The same seed gives the same split.",
  },
};

/** Preprocessing (generated from the source kind's schema) and the train/validation/test split. */
export function DataSettings() {
  const editor = useEditor();
  const data = useDoc((s) => s.project.data);
  const kind = getIn(data, ["source", "kind"]);
  const model = typeof kind === "string" ? sourceModel(kind) : null;
  const source = getIn(data, ["source"]);
  const split = getIn(data, ["split"]) ?? {};
  const issues = useMemo(() => specIssues(data), [data]);
  if (!model) return null;
  const hasFields = model.fields.some((f) => !HIDDEN.has(f.key) && f.kind !== "opaque");
  return (
    <>
      {hasFields && (
        <section className="card settings-card" aria-label="Preprocessing">
          <header className="card-header">
            <h3>Preprocessing</h3>
          </header>
          <SchemaForm
            model={model}
            value={source}
            issues={issues.source}
            meta={META}
            onChange={(path, value) => editSpec(editor, "source", path, value)}
          />
        </section>
      )}
      <section className="card settings-card" aria-label="Split">
        <header className="card-header">
          <h3>Split</h3>
        </header>
        <SchemaForm
          model={SPLIT_MODEL}
          value={split}
          issues={issues.split}
          meta={{ ...META, hidden: SPLIT_HIDDEN }}
          onChange={(path, value) => editSpec(editor, "split", path, value)}
        />
      </section>
    </>
  );
}

/** Problems of the bound spec by dotted path inside its source and its split. */
function specIssues(data: unknown): { source: Record<string, string>; split: Record<string, string> } {
  const out = { source: {} as Record<string, string>, split: {} as Record<string, string> };
  const r = DatasetSpecSchema.safeParse(data);
  if (r.success) return out;
  for (const issue of r.error.issues) {
    const [where, ...rest] = issue.path.map(String);
    // A refinement over the whole split ("validation + test < 1") is shown at test (validation is the Train tab's).
    const key = rest.length > 0 ? rest.join(".") : "test";
    if (where === "source" || where === "split") out[where][key] ??= issue.message;
  }
  return out;
}
