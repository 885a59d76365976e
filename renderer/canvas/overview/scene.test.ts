import { describe, expect, it } from "vitest";
import { cnn } from "../../state/__fixtures__/projects";
import { analyze } from "../../state/analysis";
import { removeElements } from "../../state/edits";
import { groupNodes, setGroupCollapsed } from "../../state/grouping";
import { EMPTY_SELECTION } from "../../state/ui-store";
import { createFlowMapper } from "../to-flow";
import { blockAt, blocksInside, buildScene, spanned, toFlow } from "./scene";

const screen = { width: 1000, height: 600 };
const all = { x: 0, y: 0, zoom: 0.2 };

function sceneOf(project = cnn(), view = all, selection = EMPTY_SELECTION) {
  const flow = createFlowMapper()({ project, selection });
  return buildScene(flow, analyze(project.graph), view, screen);
}

describe("overview scene", () => {
  it("reduces layers to blocks with their kind, category and output shape, and edges to wires", () => {
    const scene = sceneOf();
    expect(scene.blocks.map((b) => [b.id, b.title, b.category, b.detail])).toEqual([
      ["input_1", "Input", "input", "(28, 28, 1)"],
      ["conv2d_1", "Conv2D", "convolution", "(26, 26, 8)"],
      ["flatten_1", "Flatten", "shape", "(5408)"],
      ["dense_1", "Dense", "core", "(10)"],
    ]);
    const conv = scene.blocks[1].rect;
    const flatten = scene.blocks[2].rect;
    // Output on the right middle, input on the left middle, as the handles sit zoomed in.
    expect(scene.wires[1]).toMatchObject({
      from: { x: conv.x + conv.width, y: conv.y + conv.height / 2 },
      to: { x: flatten.x, y: flatten.y + flatten.height / 2 },
      error: false,
    });
  });

  it("marks blocks and wires with problems, and selected blocks", () => {
    const p = cnn();
    const broken = removeElements(p, { nodeIds: ["flatten_1"] });
    const wired = {
      ...broken,
      graph: {
        ...broken.graph,
        edges: [...broken.graph.edges, { id: "e9", source: "conv2d_1", target: "dense_1", targetPort: "in" }],
      },
    };
    const scene = sceneOf(wired as typeof p, all, { nodes: ["dense_1"], edges: [] });
    const dense = scene.blocks.find((b) => b.id === "dense_1");
    expect(dense).toMatchObject({ severity: "warning", problems: 1, selected: true });
    expect(dense?.label).toBe("Dense dense_1 (26, 26, 10)");
  });

  it("draws only what is on screen", () => {
    const p = cnn();
    const [x, y] = [p.graph.nodes[3].position?.x ?? 0, p.graph.nodes[3].position?.y ?? 0];
    // Zoom 1 with dense_1 at the view's top-left corner: the blocks left of it are off screen.
    const scene = sceneOf(p, { x: -x, y: -y, zoom: 1 });
    expect(scene.blocks.map((b) => b.id)).toContain("dense_1");
    expect(scene.blocks.map((b) => b.id)).not.toContain("input_1");
    expect(scene.wires.every((w) => w.to.x >= x - 40 || w.from.x >= x - 40)).toBe(true);
  });

  it("stands a collapsed group's members with their problems in one block", () => {
    const p = removeElements(cnn(), { nodeIds: ["flatten_1"] });
    const grouped = groupNodes(p, ["conv2d_1", "dense_1"], "Head");
    const scene = sceneOf(setGroupCollapsed(grouped.project, grouped.id, true));
    expect(scene.blocks[0]).toMatchObject({
      id: "block:group_1",
      title: "Head",
      category: "group",
      detail: "2 layers",
    });
    // conv2d_1 -> dense_1 was removed with Flatten: dense_1 lost its input.
    expect(scene.blocks[0].severity).not.toBeNull();
  });

  it("finds the block under a point, the topmost first, and the blocks inside a box", () => {
    const scene = sceneOf();
    const conv = scene.blocks[1].rect;
    const inside = { x: conv.x + 5, y: conv.y + 5 };
    expect(blockAt(scene, inside)?.id).toBe("conv2d_1");
    expect(blockAt(scene, { x: conv.x - 4, y: conv.y })).toBeNull();
    expect(blockAt(scene, { x: conv.x - 4, y: conv.y }, 5)?.id).toBe("conv2d_1");
    const around = spanned(
      { x: conv.x + conv.width + 1, y: conv.y + conv.height + 1 },
      { x: conv.x - 1, y: conv.y - 1 },
    );
    expect(blocksInside(scene, around).map((b) => b.id)).toEqual(["conv2d_1"]);
    // Partly inside is not inside (React Flow's default box selection).
    expect(blocksInside(scene, { ...around, width: around.width - 10 })).toEqual([]);
    expect(toFlow({ x: 100, y: 50, zoom: 0.5 }, { x: 110, y: 60 })).toEqual({ x: 20, y: 20 });
  });
});
