import {
  Background,
  BackgroundVariant,
  ControlButton,
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
import { useCanvasView } from "./use-canvas-view";
import { DETAIL_ZOOM, useZoomedOut } from "./zoom";

const LARGE_GRAPH = 150;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2.5;
const FIT_ZOOM = { min: MIN_ZOOM, max: MAX_ZOOM, readable: DETAIL_ZOOM };

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
  useCanvasView(editor, rf, store);
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
    // loaded it, before React draws its blocks at the old zoom. Zoom to fit (F, the toolbar,
    // auto-layout) is animated and shows a big graph whole; opening shows its start, readable.
    return editor.ui.subscribe((next, prev) => {
      const request = next.fitRequest;
      if (!request || request === prev.fitRequest) return;
      const { width, height, nodeLookup } = store.getState();
      // Measured sizes where React Flow has them (a project just opened has none yet).
      const nodes = view.getSnapshot().nodes.map((n) => {
        const m = nodeLookup.get(n.id)?.measured;
        return m?.width && m.height ? { ...n, measured: { width: m.width, height: m.height } } : n;
      });
      const animate = request.value.animate;
      const vp = fitViewport(nodes, width, height, FIT_ZOOM, animate ? "whole" : "start");
      if (vp) void rf.setViewport(vp, animate ? { duration: 200 } : undefined);
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
        const { width, height } = store.getState();
        const vp = fitViewport(view.getSnapshot().nodes, width, height, FIT_ZOOM);
        if (vp) void instance.setViewport(vp);
        // Not sized yet: React Flow's own fit waits for the sizes.
        else if (instance.getNodes().length > 0) void instance.fitView({ padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM });
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
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} />
      <Minimap view={view} minZoom={MIN_ZOOM} maxZoom={MAX_ZOOM} />
      {/* Its own fit button: React Flow's would fit with the flow's zoom range (up to 2.5). */}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton
          className="react-flow__controls-fitview"
          onClick={() => editor.run("zoom-to-fit")}
          title="Zoom to fit"
          aria-label="Zoom to fit"
        >
          <FitIcon />
        </ControlButton>
      </Controls>
      {overview && <OverviewLayer view={view} />}
    </ReactFlow>
  );
}

/** Four corners, as React Flow's own fit icon. */
function FitIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
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
