import { z } from "zod";

/**
 * Errors that cross the API boundary: a stable code the UI can branch on and a message that says
 * what was expected and what was received (VS Code's PromiseError shape, without the stack).
 */
export const API_ERROR_CODES = [
  /** A message larger, or nested deeper, than the host accepts (the message names the limit). */
  "E_TOO_LARGE",
  /** The method name is not in the contract. */
  "E_UNKNOWN_METHOD",
  /** The request does not match the method's schema; the message names the field. */
  "E_BAD_REQUEST",
  /** A path outside the folders the user opened (browser mode) or otherwise not allowed. */
  "E_FORBIDDEN_PATH",
  /** A file, folder, template or run that does not exist. */
  "E_NOT_FOUND",
  /** A project or graph file that cannot be read as one (the message lists the problems). */
  "E_INVALID_DOCUMENT",
  /** A document written by a newer NetForge. */
  "E_UNSUPPORTED_VERSION",
  /** The target file exists and the request asked not to replace it. */
  "E_EXISTS",
  /** Reading or writing a file failed (permissions, disk full); nothing was overwritten. */
  "E_IO",
  /** A data source that cannot be read or probed. */
  "E_DATA",
  /** The graph has errors, so it cannot be trained or exported. */
  "E_GRAPH",
  /** The model cannot be exported, or its export failed (details: the readiness report). */
  "E_EXPORT",
  /** A run is already training in this host. */
  "E_BUSY",
  /** No such run, or a run without a trained model. */
  "E_NO_RUN",
  /** The trainer process failed or exited. */
  "E_TRAINER",
  /** Not available in this shell (for example native dialogs in browser mode). */
  "E_UNSUPPORTED",
  /** The connection was refused or lost (client side). */
  "E_DISCONNECTED",
  /** A bug in NetForge; the message says where. */
  "E_INTERNAL",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiErrorShapeSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** Extra structured detail (e.g. the list of document diagnostics). */
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShapeSchema>;

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toJSON(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(shape: unknown): ApiError {
    const s = ApiErrorShapeSchema.safeParse(shape);
    if (s.success) return new ApiError(s.data.code, s.data.message, s.data.details);
    return new ApiError("E_INTERNAL", `malformed error from the host: ${JSON.stringify(shape)?.slice(0, 120)}`);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** "field.path: message; ..." for a zod failure, the shape every E_BAD_REQUEST message takes. */
export function describeZodIssues(error: z.ZodError, limit = 5): string {
  return error.issues
    .slice(0, limit)
    .map((i) => {
      const path = i.path.length === 0 ? "(request)" : i.path.map(String).join(".");
      const input = (i as { input?: unknown }).input;
      const got = input === undefined || i.code === "unrecognized_keys" ? "" : `; received ${preview(input)}`;
      return `${path}: ${i.message}${got}`;
    })
    .join("; ");
}

const PREVIEW_CHARS = 60;

/**
 * A short JSON-like view of a received value, at most PREVIEW_CHARS characters. Built piece by
 * piece with a budget, so a 90 MB string or an array nested 100,000 levels deep costs as much as
 * the characters kept: nothing is stringified whole and nothing recurses deeper than the budget.
 */
export function preview(value: unknown, limit = PREVIEW_CHARS): string {
  const out: string[] = [];
  let used = 0;
  const full = () => used > limit;
  const put = (text: string) => {
    out.push(text.slice(0, limit + 1 - used));
    used += Math.min(text.length, limit + 1 - used);
  };
  // depth bounds toJSON chains, which print nothing of their own; every other level prints a bracket.
  const walk = (v: unknown, depth: number): void => {
    if (full() || depth > limit) return;
    const json = v !== null && typeof v === "object" ? (v as { toJSON?: unknown }).toJSON : undefined;
    if (typeof json === "function") walk(json.call(v), depth + 1);
    else if (v === null || typeof v !== "object") put(scalar(v, limit));
    else if (Array.isArray(v)) {
      put("[");
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) put(",");
        walk(v[i] === undefined || typeof v[i] === "function" ? null : v[i], depth + 1);
      }
      put("]");
    } else {
      put("{");
      let first = true;
      for (const key in v) {
        if (full()) return;
        const item = (v as Record<string, unknown>)[key];
        if (!Object.hasOwn(v, key) || item === undefined || typeof item === "function" || typeof item === "symbol")
          continue;
        put(`${first ? "" : ","}${JSON.stringify(key.slice(0, limit + 1))}:`);
        first = false;
        walk(item, depth + 1);
      }
      put("}");
    }
  };
  if (value === undefined) return "undefined";
  walk(value, 0);
  const text = out.join("");
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

/** A scalar as JSON writes it (non-finite numbers as null); a long string only up to the limit. */
function scalar(v: unknown, limit: number): string {
  if (typeof v === "string") return JSON.stringify(v.slice(0, limit + 1));
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  return typeof v === "boolean" ? String(v) : "null";
}
