import { join } from "node:path";
import { Templates } from "../../services/templates";
import { parseFlags } from "../args";
import { EXIT, type Io, table } from "../io";

const TEMPLATES = join(import.meta.dirname, "../../../resources/templates");

/** `netforge templates [--json]`: the starter templates, as the app's gallery lists them. */
export async function templatesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, { json: { type: "boolean", default: false } }, false);
  const list = (await new Templates(TEMPLATES).list()).map(({ id, name, category, description, dataKind }) => ({
    id,
    name,
    category,
    description,
    dataKind,
  }));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = [
    ["id", "name", "category", "data"],
    ...list.map((t) => [t.id, t.name, t.category, t.dataKind ?? "none"]),
  ];
  const lines = table(rows).split("\n");
  const out = [lines[0]];
  list.forEach((t, i) => {
    out.push(lines[i + 1]);
    if (t.description) out.push(`    ${t.description}`);
  });
  out.push("", `${list.length} templates. Train one with \`netforge train <id>\`.`);
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}
