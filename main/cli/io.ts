/** Where a command writes; tests pass string sinks, the binary passes process streams. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** A mistake by the user (bad file, bad flag): exit code 1 with a clear message, no stack. */
export class UserError extends Error {
  override name = "UserError";
}

export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

export function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

/** Left-aligned text table; numbers right-aligned. */
export function table(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  // A loop, not Math.max(...rows): a table of 200,000 columns' rows must not overflow the stack.
  const widths = rows[0].map((_, c) => rows.reduce((w, r) => Math.max(w, (r[c] ?? "").length), 0));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
