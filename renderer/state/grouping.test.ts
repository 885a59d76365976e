import { describe, expect, it } from "vitest";
import { parseProject } from "../../shared/ir/load";
import { cnn } from "./__fixtures__/projects";
import { removeElements } from "./edits";
import { groupMembers, groupNodes, renameGroup, setGroupCollapsed, ungroup } from "./grouping";
import { EditError } from "./project-ops";

describe("composite blocks", () => {
  it("groups nodes under a named block that the schema accepts", () => {
    const { project, id } = groupNodes(cnn(), ["conv2d_1", "flatten_1"], "Features");
    expect(id).toBe("group_1");
    expect(project.graph.groups).toEqual([{ id: "group_1", name: "Features", collapsed: false }]);
    expect(groupMembers(project, id)).toEqual(["conv2d_1", "flatten_1"]);
    expect(parseProject(JSON.parse(JSON.stringify(project))).ok).toBe(true);
  });

  it("moves nodes out of their old group, dropping groups left empty", () => {
    const first = groupNodes(cnn(), ["conv2d_1"], "A").project;
    const second = groupNodes(first, ["conv2d_1", "dense_1"], "B");
    expect(second.project.graph.groups?.map((g) => g.name)).toEqual(["B"]);
    expect(groupMembers(second.project, second.id)).toEqual(["conv2d_1", "dense_1"]);
  });

  it("ungroups, collapses and renames", () => {
    const { project, id } = groupNodes(cnn(), ["conv2d_1", "flatten_1"]);
    expect(project.graph.groups?.[0].name).toBe("Block 1");
    const collapsed = setGroupCollapsed(project, id, true);
    expect(collapsed.graph.groups?.[0].collapsed).toBe(true);
    expect(setGroupCollapsed(collapsed, id, true)).toBe(collapsed);
    expect(renameGroup(collapsed, id, " Stem ").graph.groups?.[0].name).toBe("Stem");
    const flat = ungroup(collapsed, id);
    expect(flat.graph.groups).toBeUndefined();
    expect(flat.graph.nodes.some((n) => "group" in n)).toBe(false);
  });

  it("drops a group when its last member is deleted", () => {
    const { project } = groupNodes(cnn(), ["dense_1"]);
    expect(removeElements(project, { nodeIds: ["dense_1"] }).graph.groups).toBeUndefined();
  });

  it("refuses empty selections, unknown groups and blank names", () => {
    expect(() => groupNodes(cnn(), [])).toThrow(EditError);
    expect(() => ungroup(cnn(), "group_7")).toThrow(/group "group_7" does not exist; expected one of none/);
    const { project, id } = groupNodes(cnn(), ["dense_1"]);
    expect(() => renameGroup(project, id, "  ")).toThrow(/1 to 200 characters/);
  });
});
