import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  useStoreApi,
} from "@xyflow/react";
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import type { MenuTarget } from "../commands/context-menu";
import { LAYER_DRAG_TYPE } from "../panels/palette/Palette";
import { setGalleryOpen } from "../panels/templates/gallery-store";
import { openWalk } from "../panels/walk/walk-store";
import type { DocumentState } from "../state/document-store";
import { useEditor } from "../state/editor-context";
import { useDoc, useUi } from "../state/hooks";
import { ContextMenu } from "./context-menu/ContextMenu";
import { openContextMenu } from "./context-menu/menu-store";
import { FIT_MAX_ZOOM, FIT_PADDING, fitViewport } from "./fit";
import { Minimap } from "./minimap/Minimap";
import { edgeTypes, nodeTypes } from "./node-types";
import { hiddenCopies } from "./overview/hidden";
import { OverviewLayer } from "./overview/OverviewLayer";
import { createFlowView, type FlowNode, type FlowView, type ShapeFlowEdge } from "./to-flow";
import { DETAIL_ZOOM, useZoomedOut } from "./zoom";

const ARIA_LABELS = { "controls.fitView.ariaLabel": "Zoom to fit" };
const LARGE_GRAPH = 150;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2.5;
// Hidden nodes count: zoomed out, every node is hidden from React Flow (the overview draws them).
const FIT = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, duration: 200, includeHiddenNodes: true };

/**
 * The React Flow view of the document (ANCHORS A5, R13): nodes and edges come from the flow view
 * (to-flow.ts), which maps document records with stable identity; React Flow's changes go back as
 * edits. Blocks dropped from the palette become add-layer commands.
 */
export function Canvas() {
  const editor = useEditor();
  // Created in an effect so that StrictMode's mount-unmount-mount leaves one live view, not a disposed one.
  const [view, setView] = useState<FlowView | null>(null);
  useEffect(() => {
    const v = createFlowView(editor);
    setView(v);
    return () => v.dispose();
  }, [editor]);
  return (
    <section className="canvas" aria-label="Canvas">
      <ReactFlowProvider>{view && <Flow view={view} />}</ReactFlowProvider>
      <ConnectionHint />
      <EmptyCanvas />
      <ContextMenu />
    </section>
  );
}

function Flow({ view }: { view: FlowView }) {
  const editor = useEditor();
  const flow = useSyncExternalStore(view.subscribe, view.getSnapshot, view.getSnapshot);
  const colorMode = useUi((s) => s.theme);
  const focus = useUi((s) => s.focusRequest);
  const store = useStoreApi<FlowNode, ShapeFlowEdge>();
  const [rf, setRf] = useState<ReactFlowInstance<FlowNode, ShapeFlowEdge> | null>(null);
  const [dragging, setDragging] = useState(false);
  const overview = useZoomedOut();
  const [hiddenNodes] = useState(() => new WeakMap<FlowNode, FlowNode>());
  const [hiddenEdges] = useState(() => new WeakMap<ShapeFlowEdge, ShapeFlowEdge>());
  const nodes = useMemo(
    () => (overview ? hiddenCopies(flow.nodes, hiddenNodes) : flow.nodes),
    [overview, flow.nodes, hiddenNodes],
  );
  const edges = useMemo(
    () => (overview ? hiddenCopies(flow.edges, hiddenEdges) : flow.edges),
    [overview, flow.edges, hiddenEdges],
  );

  useEffect(() => {
    if (!rf) return;
    // Subscribed rather than selected: a project just opened is fitted in the same task that
    // loaded it, before React draws its blocks at the old zoom.
    return editor.ui.subscribe((next, prev) => {
      const request = next.fitRequest;
      if (!request || request === prev.fitRequest) return;
      if (request.value.animate) return void rf.fitView(FIT);
      const { width, height } = store.getState();
      const zoom = { min: MIN_ZOOM, max: MAX_ZOOM, readable: DETAIL_ZOOM };
      const vp = fitViewport(view.getSnapshot().nodes, width, height, zoom);
      if (vp) void rf.setViewport(vp);
    });
  }, [rf, editor, store, view]);
  useEffect(() => {
    if (rf && focus)
      void rf.fitView({
        nodes: [{ id: focus.value }],
        padding: 1.2,
        maxZoom: 1.2,
        duration: 250,
        includeHiddenNodes: true,
      });
  }, [rf, focus]);

  const onDrop = (e: DragEvent) => {
    const kind = e.dataTransfer.getData(LAYER_DRAG_TYPE);
    if (!kind || !rf) return;
    e.preventDefault();
    const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    // The pointer holds the block by its head, a little in from the left edge.
    editor.run("add-layer", { kind, position: { x: Math.round(at.x - 24), y: Math.round(at.y - 16) } });
  };

  const menu = (e: ReactMouseEvent | MouseEvent, target: MenuTarget) => {
    e.preventDefault();
    openContextMenu(editor, target, { x: e.clientX, y: e.clientY });
  };
  const onPaneMenu = (e: ReactMouseEvent | MouseEvent) => {
    if (!rf) return;
    const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    menu(e, { kind: "canvas", at: { x: Math.round(at.x), y: Math.round(at.y) } });
  };

  return (
    <ReactFlow<FlowNode, ShapeFlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={view.onNodesChange}
      onEdgesChange={view.onEdgesChange}
      onConnect={view.onConnect}
      isValidConnection={view.isValidConnection}
      onConnectEnd={view.onConnectEnd}
      onInit={(instance) => {
        setRf(instance);
        // Fit once to what is open; later fits are asked for (zoom-to-fit, a template or file opened),
        // so a block dropped on an empty canvas does not move the view under the pointer.
        if (instance.getNodes().length > 0) void instance.fitView({ padding: FIT_PADDING, maxZoom: 1 });
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(LAYER_DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={onDrop}
      onNodeContextMenu={(e, node) => menu(e, { kind: "node", id: node.id })}
      onEdgeContextMenu={(e, edge) => menu(e, { kind: "edge", id: edge.id })}
      onPaneContextMenu={onPaneMenu}
      onNodeDragStart={() => setDragging(true)}
      onNodeDragStop={() => setDragging(false)}
      className={dragging ? "node-dragging" : undefined}
      colorMode={colorMode}
      // Large graphs mount only what is on screen: fewer components subscribe to every change.
      onlyRenderVisibleElements={flow.nodes.length > LARGE_GRAPH}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={["Meta", "Control"]}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      ariaLabelConfig={ARIA_LABELS}
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} />
      <Minimap view={view} minZoom={MIN_ZOOM} maxZoom={MAX_ZOOM} />
      <Controls showInteractive={false} />
      {overview && <OverviewLayer view={view} />}
    </ReactFlow>
  );
}

/** Why the wire being dragged would be refused (connection-rules), while it is dragged. */
function ConnectionHint() {
  const hint = useUi((s) => s.connectionHint);
  if (!hint) return null;
  return (
    <div className="connection-hint" role="alert">
      Can’t connect: {hint}
    </div>
  );
}

function EmptyCanvas() {
  const editor = useEditor();
  const empty = useDoc(isEmpty);
  if (!empty) return null;
  return (
    <div className="canvas-empty">
      <div>
        <h2>Build a network</h2>
        <p>Drag blocks from the palette and wire them together; every tensor shape is checked as you go.</p>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => editor.run("add-layer", { kind: "Input", position: { x: 0, y: 0 } })}
          >
            Add an Input
          </button>
          <button type="button" className="button" onClick={() => setGalleryOpen(editor, true)}>
            Start from a template
          </button>
        </div>
        <p className="walk-invite">
          New here?{" "}
          <button type="button" className="link-button" onClick={() => openWalk(editor, true)}>
            Take the getting-started walk
          </button>{" "}
          (XOR: build, data, train, evaluate, export).
        </p>
      </div>
    </div>
  );
}

const isEmpty = (s: DocumentState) => s.project.graph.nodes.length === 0;
