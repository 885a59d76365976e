import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COURSE_UNITS } from "../../shared/ir/course-units";
import { ProjectSchema } from "../../shared/ir/project";
import { inferGraph } from "../../shared/shapes/infer";
import { Templates } from "./templates";

const DIR = join(import.meta.dirname, "../../resources/templates");
const files = readdirSync(DIR).filter((f) => f.endsWith(".netforge.json"));

/** A copy of a bundled template with its lesson's unit replaced (or its lesson removed). */
function variant(dir: string, from: string, id: string, unit: string | null) {
  const project = JSON.parse(readFileSync(join(DIR, `${from}.netforge.json`), "utf8"));
  if (unit === null) delete project.lesson;
  else project.lesson = { ...project.lesson, unit, teaches: project.lesson?.teaches ?? "x" };
  project.name = id;
  writeFileSync(join(dir, `${id}.netforge.json`), JSON.stringify(project));
}

describe("the template gallery's groups", () => {
  it("every bundled template has a lesson in one of the course units, with a target", () => {
    for (const f of files) {
      const lesson = ProjectSchema.parse(JSON.parse(readFileSync(join(DIR, f), "utf8"))).lesson;
      expect(lesson, `${f} has no lesson`).toBeDefined();
      expect(COURSE_UNITS, `${f}'s unit`).toContain(lesson?.unit);
      expect(lesson?.target, `${f} has no target`).toBeDefined();
    }
  });

  it("groups by the lesson's unit in course order, and falls back to the derived category after the units", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netforge-templates-"));
    variant(dir, "iris", "b-gan-unit", "Generative models");
    variant(dir, "iris", "a-cnn-unit", "Convolutional networks");
    variant(dir, "iris", "c-no-lesson", null);
    variant(dir, "xor", "d-perceptron-unit", "Perceptrons");
    variant(dir, "vae", "e-vae-no-lesson", null);
    const list = await new Templates(dir).list();
    expect(list.map((t) => [t.id, t.category])).toEqual([
      ["d-perceptron-unit", "Perceptrons"],
      ["a-cnn-unit", "Convolutional networks"],
      ["b-gan-unit", "Generative models"],
      // No lesson: the category derived from the layers and loss, as before lessons existed.
      ["c-no-lesson", "Classification"],
      ["e-vae-no-lesson", "Generative"],
    ]);
    expect(list[0].lesson?.unit).toBe("Perceptrons");
    expect(list[3].lesson).toBeUndefined();
  });

  it("lists the bundled templates unit by unit, each unit once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netforge-templates-"));
    for (const f of files) copyFileSync(join(DIR, f), join(dir, f));
    const units = (await new Templates(dir).list()).map((t) => t.category);
    const groups = units.filter((u, i) => u !== units[i - 1]);
    expect(new Set(groups).size).toBe(groups.length);
    expect(groups).toEqual(COURSE_UNITS.filter((u) => groups.includes(u)));
  });

  it("gives each template's parameter count as shape inference counts it, null for a graph that does not infer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netforge-templates-"));
    for (const f of files) copyFileSync(join(DIR, f), join(dir, f));
    const broken = JSON.parse(readFileSync(join(DIR, "xor.netforge.json"), "utf8"));
    broken.graph.edges = [];
    writeFileSync(join(dir, "broken.netforge.json"), JSON.stringify(broken));
    const list = await new Templates(dir).list();
    for (const t of list.filter((x) => x.id !== "broken")) {
      const project = ProjectSchema.parse(JSON.parse(readFileSync(join(DIR, `${t.id}.netforge.json`), "utf8")));
      const analysis = inferGraph(project.graph);
      expect(analysis.ok, `${t.id} infers`).toBe(true);
      expect(t.paramCount, t.id).toBe(analysis.totals.total);
      expect(t.paramCount, t.id).toBeGreaterThan(0);
    }
    // The notes' LeNet-5: 61,706 weights.
    expect(list.find((t) => t.id === "lenet-5")?.paramCount).toBe(61_706);
    expect(list.find((t) => t.id === "broken")?.paramCount).toBeNull();
  });
});
