import { join } from "node:path";
import { Templates } from "../../services/templates";
import { parseFlags } from "../args";
import { EXIT, type Io, table } from "../io";

const TEMPLATES = join(import.meta.dirname, "../../../resources/templates");

/**
 * `netforge templates [--json]`: the starter templates, as the app's gallery lists them: unit,
 * data kind, parameter count (from shape inference) and the lesson's expected minutes of training.
 */
export async function templatesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, { json: { type: "boolean", default: false } }, false);
  const list = (await new Templates(TEMPLATES).list()).map((t) => ({
    id: t.id,
    name: t.name,
    category: t.category,
    unit: t.lesson?.unit ?? null,
    description: t.description,
    dataKind: t.dataKind,
    paramCount: t.paramCount,
    minutes: t.lesson?.minutes ?? null,
  }));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = [
    ["id", "name", "unit", "data", "params", "minutes"],
    ...list.map((t) => [
      t.id,
      t.name,
      t.category,
      t.dataKind ?? "none",
      t.paramCount === null ? "?" : t.paramCount.toLocaleString("en-US"),
      t.minutes === null ? "-" : String(t.minutes),
    ]),
  ];
  const lines = table(rows, new Set([4, 5])).split("\n");
  const out = [lines[0]];
  list.forEach((t, i) => {
    out.push(lines[i + 1]);
    if (t.description) out.push(`    ${t.description}`);
  });
  out.push("", `${list.length} templates. Train one with \`netforge train <id>\`.`);
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}
