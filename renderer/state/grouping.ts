import type { GraphGroup } from "../../shared/ir/graph";
import { asGroupId, type GroupId, nextNodeId } from "../../shared/ir/ids";
import type { Project } from "../../shared/ir/project";
import { dropEmptyGroups, EditError, requireNode, withGraph } from "./project-ops";

/**
 * Composite blocks. A group is a named view over its member nodes (`node.group`); the layers stay
 * ordinary nodes, so shapes, training and export are unaffected, and collapsing only changes
 * what the canvas draws. Groups do not nest: grouping moves nodes out of their old group.
 */

function requireGroup(p: Project, id: string): GraphGroup {
  const g = p.graph.groups?.find((x) => x.id === id);
  if (!g) {
    const known = p.graph.groups?.map((x) => `"${x.id}"`).join(", ") || "none";
    throw new EditError(`group "${id}" does not exist; expected one of ${known}`);
  }
  return g;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) {
    throw new EditError(`a group name needs 1 to 200 characters; received ${JSON.stringify(name)}`);
  }
  return trimmed;
}

export function groupNodes(p: Project, nodeIds: readonly string[], name?: string): { project: Project; id: GroupId } {
  if (nodeIds.length === 0) throw new EditError("grouping needs at least one node; received none");
  for (const id of nodeIds) requireNode(p, id);
  const groups = p.graph.groups ?? [];
  const id = asGroupId(
    nextNodeId(
      "Group",
      groups.map((g) => g.id),
    ),
  );
  const members = new Set(nodeIds);
  const group: GraphGroup = { id, name: checkName(name ?? `Block ${id.slice("group_".length)}`), collapsed: false };
  const nodes = p.graph.nodes.map((n) => (members.has(n.id) && n.group !== id ? { ...n, group: id } : n));
  return { project: dropEmptyGroups(withGraph(p, { nodes, groups: [...groups, group] })), id };
}

export function ungroup(p: Project, groupId: string): Project {
  requireGroup(p, groupId);
  const nodes = p.graph.nodes.map((n) => {
    if (n.group !== groupId) return n;
    const { group: _g, ...rest } = n;
    return rest;
  });
  return dropEmptyGroups(withGraph(p, { nodes }));
}

function updateGroup(p: Project, groupId: string, patch: Partial<GraphGroup>): Project {
  const g = requireGroup(p, groupId);
  const next = { ...g, ...patch };
  if (next.name === g.name && next.collapsed === g.collapsed) return p;
  return withGraph(p, { groups: (p.graph.groups ?? []).map((x) => (x === g ? next : x)) });
}

export function setGroupCollapsed(p: Project, groupId: string, collapsed: boolean): Project {
  return updateGroup(p, groupId, { collapsed });
}

export function renameGroup(p: Project, groupId: string, name: string): Project {
  return updateGroup(p, groupId, { name: checkName(name) });
}

/** The group's members, in document order. */
export function groupMembers(p: Project, groupId: string): string[] {
  return p.graph.nodes.filter((n) => n.group === groupId).map((n) => n.id);
}
