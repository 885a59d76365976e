import { parseArgs } from "node:util";
import { describeCatalog, paramSummary } from "../../../shared/layers/describe";
import { CATEGORIES } from "../../../shared/layers/spec";
import { EXIT, type Io } from "../io";

/** `netforge layers [--json]`: the catalog, grouped by category. */
export async function layersCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: "boolean", default: false } },
    strict: true,
  });
  const layers = describeCatalog();
  if (values.json) {
    io.stdout.write(`${JSON.stringify(layers, null, 2)}\n`);
    return EXIT.ok;
  }
  const out: string[] = [];
  for (const category of CATEGORIES) {
    const inCategory = layers.filter((l) => l.category === category);
    if (inCategory.length === 0) continue;
    out.push(`${category}`);
    for (const l of inCategory) {
      out.push(`  ${l.kind.padEnd(26)} ${l.summary}`);
      const ports = l.inputs.map((p) => `${p.name}${p.variadic ? `[${p.variadic.min}+]` : ""}${p.optional ? "?" : ""}`);
      out.push(`      ports: in (${ports.join(", ") || "none"}) -> out (${l.outputs.join(", ")})`);
      for (const [name, def] of Object.entries(l.params)) out.push(`      ${name}: ${paramSummary(def)}`);
    }
    out.push("");
  }
  out.push(`${layers.length} layer kinds. \`netforge layers --json\` prints every field, docs included.`);
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}
