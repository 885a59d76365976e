/**
 * The largest message either side of the browser-mode socket accepts, in bytes. Receiving,
 * unmasking and parsing a message blocks the host's one thread for about 5 ms per MB, so the cap
 * is what keeps one client's message from stalling every other client: 16 MiB is a project with
 * megabytes of inline samples; files larger than that are uploaded in parts (fs.upload's offset).
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** The largest file fs.upload makes (the browser refuses larger ones before sending a part). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** What an upload sends per fs.upload call: well under MAX_MESSAGE_BYTES once base64-encoded (x4/3). */
export const UPLOAD_PART_BYTES = 4 * 1024 * 1024;

/**
 * How deep a message may nest. Real requests stay under a dozen levels (a project's inline image
 * samples: request.project.data.x[i][row][col][channel]); a request nested thousands of levels
 * deep is an attack on the validators, which recurse, and on JSON.parse, whose cost grows with
 * the nesting rather than the bytes. Checked before parsing (the text) and before validation (the value).
 */
export const MAX_NESTING = 64;

/**
 * The nesting depth of a JSON text, counted without parsing it, stopping as soon as it passes
 * `max` (so a 2 MB run of brackets costs `max` characters). Strings are skipped with indexOf, so a
 * long base64 string costs one native scan. Returns the depth reached, at most max + 1.
 */
export function jsonTextDepth(text: string, max = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > max) return depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The index of the quote that closes the string opened at `open` (text.length when unclosed). */
function stringEnd(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return at;
  }
}

/** The nesting depth of a value (arrays and objects), iteratively, stopping once past `max`. */
export function valueDepth(value: unknown, max = MAX_NESTING): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > max) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** The E_TOO_LARGE message for a value nested `depth` levels deep. */
export function nestingMessage(what: string, depth: number, max = MAX_NESTING): string {
  return `${what} is nested ${depth > max ? `more than ${max}` : depth} levels deep; expected at most ${max} (arrays and objects inside each other)`;
}
