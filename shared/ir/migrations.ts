/**
 * Ordered upgrade steps per document format (tldraw's migration sequences). A file records the
 * version it was written with; loading applies every step from that version up. When a format
 * changes: bump its *_VERSION, append a step here and add a fixture `__fixtures__/<format>.v<N>.json`.
 */
export type DocumentFormat = "netforge.graph" | "netforge.project";

export interface Migration {
  format: DocumentFormat;
  /** The step upgrades a document of version `from` to `from + 1`. */
  from: number;
  title: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    format: "netforge.project",
    from: 1,
    title: "validation is one setting, in the training settings (the data split's validation fraction moved there)",
    up: moveValidationToTraining,
  },
];

/**
 * Project v1 held validation twice: `data.split.validation` (used for dataset specs) and
 * `training.validation` (used for inline samples; "none" also folded a spec's validation part back
 * into training). v2 keeps `training.validation` only. The step keeps what a v1 run did: validation
 * off stays off; otherwise a spec's fraction becomes the training setting (0: off). Inline samples
 * have no split, so their projects change only in version.
 */
function moveValidationToTraining(doc: Record<string, unknown>): Record<string, unknown> {
  const data = doc.data;
  if (!isObject(data) || !isObject(data.split) || !("validation" in data.split)) return doc;
  const { validation: fraction, ...split } = data.split;
  const training = isObject(doc.training) ? { ...doc.training } : {};
  const own = training.validation;
  if (!(isObject(own) && own.type === "none")) {
    training.validation = typeof fraction === "number" && fraction > 0 ? { type: "split", fraction } : { type: "none" };
  }
  return { ...doc, data: { ...data, split }, training };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | {
      ok: false;
      code: "E_INVALID_DOCUMENT" | "E_UNSUPPORTED_VERSION";
      message: string;
    };

export function migrate(
  raw: unknown,
  format: DocumentFormat,
  current: number,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrateResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      ok: false,
      code: "E_INVALID_DOCUMENT",
      message: `expected a JSON object with format "${format}"; received ${kindOf(raw)}`,
    };
  }
  let doc = raw as Record<string, unknown>;
  if (doc.format !== format) {
    return {
      ok: false,
      code: "E_INVALID_DOCUMENT",
      message: `expected format "${format}"; received format ${JSON.stringify(doc.format) ?? "(missing)"}`,
    };
  }
  const version = doc.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      code: "E_INVALID_DOCUMENT",
      message: `expected an integer version >= 1; received version ${JSON.stringify(version) ?? "(missing)"}`,
    };
  }
  if (version > current) {
    return {
      ok: false,
      code: "E_UNSUPPORTED_VERSION",
      message: `${format} version ${version} was written by a newer NetForge; this one reads up to version ${current}`,
    };
  }
  const applied: string[] = [];
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.format === format && m.from === v);
    if (!step) {
      return {
        ok: false,
        code: "E_UNSUPPORTED_VERSION",
        message: `no migration from ${format} version ${v} to ${v + 1}`,
      };
    }
    doc = { ...step.up(structuredClone(doc)), version: v + 1 };
    applied.push(`${format} v${v} -> v${v + 1}: ${step.title}`);
  }
  return { ok: true, doc, applied };
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : typeof value;
}
