/**
 * `npm run bench:templates [name ...]`: trains every starter template in resources/templates (or
 * the named ones) with its own defaults, as the app and `netforge train` resolve them, on the
 * WebAssembly backend a laptop without native TensorFlow gets, and checks each against its
 * lesson's target. Prints a table (template, epochs, wall time, target, reached value, pass/fail)
 * and exits 1 when a template misses its target or has none. Not part of `npm test`: it takes
 * minutes, and wall times depend on the machine.
 */
import { readdirSync } from "node:fs";
import { parseProject } from "../../../shared/ir/load";
import { inferGraph } from "../../../shared/shapes/infer";
import { runSettings } from "../../services/run-settings";
import { runStart, TEMPLATES_DIR, template, templateData } from "../testing/run-template";
// Not a React hook: the alias keeps the hooks lint rule from reading it as one.
import { useBackend as selectBackend } from "../testing/tf-setup";
import { meets, reachedValue, seriesBaseline, targetText } from "./template-target";

interface Row {
  template: string;
  epochs: number | string;
  wall: string;
  target: string;
  reached: string;
  result: "pass" | "FAIL";
}

async function bench(name: string): Promise<Row> {
  const parsed = parseProject(template(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  const project = parsed.value;
  const target = project.lesson?.target;
  const row = { template: name, epochs: "-", wall: "-", reached: "-" };
  if (!target) return { ...row, target: "none (add lesson.target)", result: "FAIL" };
  const data = templateData(project.data) as never;
  const settings = await runSettings(inferGraph(project.graph), project.training, data);
  const baseline = await seriesBaseline(settings.data, project.training);
  const started = performance.now();
  const { handle, messages } = await runStart({
    runId: name,
    graph: project.graph,
    training: settings.training,
    data: settings.data,
  });
  const wall = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  try {
    const error = messages.find((m) => m.type === "error");
    if (error)
      return { ...row, wall, target: targetText(target), reached: `error: ${JSON.stringify(error)}`, result: "FAIL" };
    const epochs = messages.flatMap((m) => (m.type === "epoch" ? [m.metrics as Record<string, number>] : []));
    const value = reachedValue(target, epochs, handle.model, project.data);
    const against = baseline === null ? "" : ` (last-value baseline ${baseline.toFixed(4)})`;
    return {
      template: name,
      epochs: epochs.length,
      wall,
      target: `${targetText(target)}${against}`,
      reached: value.toFixed(4),
      result: meets(target, value) ? "pass" : "FAIL",
    };
  } finally {
    handle.dispose();
  }
}

function table(rows: Row[]): string {
  const head: Row = {
    template: "template",
    epochs: "epochs",
    wall: "wall time",
    target: "target",
    reached: "reached",
    result: "FAIL",
  };
  const cells = (r: Row) => [
    r.template,
    String(r.epochs),
    r.wall,
    r.target,
    r.reached,
    r === head ? "pass/fail" : r.result,
  ];
  const all = [head, ...rows].map(cells);
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i])).join(" | ")} |`;
  return [line(all[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...all.slice(1).map(line)].join("\n");
}

async function main() {
  await selectBackend("wasm");
  const all = readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith(".netforge.json"))
    .map((f) => f.slice(0, -".netforge.json".length))
    .sort();
  const asked = process.argv.slice(2);
  const unknown = asked.filter((n) => !all.includes(n));
  if (unknown.length > 0) throw new Error(`no template ${unknown.join(", ")}; expected one of ${all.join(", ")}`);
  const rows: Row[] = [];
  for (const name of asked.length > 0 ? asked : all) {
    const row = await bench(name);
    console.error(`${row.result} ${name}: ${row.reached} (${row.target}) in ${row.wall}`);
    rows.push(row);
  }
  console.log(table(rows));
  process.exitCode = rows.every((r) => r.result === "pass") ? 0 : 1;
}

await main();
