import type { ParamDef } from "../../../../shared/layers/params";

/**
 * What every param field gets. A field keeps its own draft while typing: a valid value is committed
 * at once (the canvas updates live); an invalid one shows the catalog's message and is not written.
 */
export interface FieldProps<D extends ParamDef = ParamDef> {
  /** Unique DOM id prefix (node id + param path). */
  id: string;
  name: string;
  def: D;
  value: unknown;
  /** The catalog's message for a candidate value, or null when valid. */
  check: (value: unknown) => string | null;
  commit: (value: unknown) => void;
  /** Starts one history entry for this field (called on focus, per the one-entry-per-field rule). */
  begin: () => void;
  /** The document's own diagnostic for this param (a file loaded with a bad value), if any. */
  issue: string | null;
}
