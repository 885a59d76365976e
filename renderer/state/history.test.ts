import { beforeEach, describe, expect, it } from "vitest";
import type { GraphNode } from "../../shared/ir/graph";
import { asNodeId } from "../../shared/ir/ids";
import type { Project } from "../../shared/ir/project";
import { blankProject, createDocumentStore, type DocumentStore, updateProject } from "./document-store";
import { createHistory, type History } from "./history";

// A tiny document in the spirit of tldraw's createCounterHistoryManager(): three Dense nodes whose
// `units` play the counters, edited through the real document store.
const node = (id: string, units: number): GraphNode => ({
  id: asNodeId(id),
  kind: "Dense",
  params: { units },
  position: { x: 0, y: 0 },
});

function setUnits(doc: DocumentStore, id: string, units: number) {
  updateProject(doc, (p) => ({
    ...p,
    graph: { ...p.graph, nodes: p.graph.nodes.map((n) => (n.id === id ? { ...n, params: { units } } : n)) },
  }));
}
const units = (doc: DocumentStore, id: string) =>
  doc.getState().project.graph.nodes.find((n) => n.id === id)?.params.units;

function createCounter(limit?: number) {
  const start: Project = blankProject("history test");
  start.graph.nodes = [node("count", 0), node("a", 0), node("b", 0)];
  const doc = createDocumentStore(start);
  const history = createHistory(doc, { limit });
  const get = () => units(doc, "count") as number;
  const increment = (n = 1) => setUnits(doc, "count", get() + n);
  return {
    doc,
    history,
    get,
    increment,
    incrementTwice: () =>
      history.batch(() => {
        increment();
        increment();
      }),
    setA: (n: number, opts?: Parameters<History["batch"]>[1]) => history.batch(() => setUnits(doc, "a", n), opts),
    setB: (n: number, opts?: Parameters<History["batch"]>[1]) => history.batch(() => setUnits(doc, "b", n), opts),
    state: () => ({ a: units(doc, "a"), b: units(doc, "b") }),
  };
}

describe("history", () => {
  let e = createCounter();
  beforeEach(() => {
    e = createCounter();
  });

  it("allows undoing and redoing, one stopping point at a time", () => {
    e.increment();
    e.history.mark("stop at 1");
    e.increment();
    e.history.mark("stop at 2");
    e.increment();
    e.increment();
    e.history.mark("stop at 4");
    e.increment();
    e.increment();
    e.increment();
    expect(e.get()).toBe(7);
    e.history.undo();
    expect(e.get()).toBe(4);
    e.history.undo();
    expect(e.get()).toBe(2);
    e.history.undo();
    expect(e.get()).toBe(1);
    e.history.undo();
    expect(e.get()).toBe(0);
    e.history.undo();
    e.history.undo();
    expect(e.get()).toBe(0);
    e.history.redo();
    expect(e.get()).toBe(1);
    e.history.redo();
    expect(e.get()).toBe(2);
    e.history.redo();
    expect(e.get()).toBe(4);
    e.history.redo();
    expect(e.get()).toBe(7);
    e.history.redo();
    expect(e.get()).toBe(7);
  });

  it("clears the redo stack after a new edit, but not after a mark", () => {
    e.increment();
    e.history.mark("stop at 1");
    e.increment();
    e.history.mark("stop at 2");
    e.increment();
    e.increment();
    e.history.mark("stop at 4");
    e.increment();
    e.increment();
    e.increment();
    e.history.undo();
    e.history.undo();
    expect(e.get()).toBe(2);
    e.history.mark("wayward stopping point");
    expect(e.history.canRedo()).toBe(true);
    e.history.redo();
    e.history.redo();
    expect(e.get()).toBe(7);
    e.history.undo();
    e.history.undo();
    expect(e.get()).toBe(2);
    e.increment();
    expect(e.get()).toBe(3);
    expect(e.history.canRedo()).toBe(false);
    e.history.redo();
    expect(e.get()).toBe(3);
  });

  it("squashes every change between two marks into one entry (a drag is one entry)", () => {
    e.history.mark("move nodes");
    for (let x = 0; x < 60; x++) {
      updateProject(e.doc, (p) => ({
        ...p,
        graph: { ...p.graph, nodes: p.graph.nodes.map((n) => (n.id === "a" ? { ...n, position: { x, y: x } } : n)) },
      }));
    }
    e.history.mark("next gesture");
    expect(e.history.getSnapshot().undos.filter((u) => u.type === "diff")).toHaveLength(1);
    e.history.undo();
    expect(e.doc.getState().project.graph.nodes[1].position).toEqual({ x: 0, y: 0 });
    e.history.redo();
    expect(e.doc.getState().project.graph.nodes[1].position).toEqual({ x: 59, y: 59 });
  });

  it("records typing in a field as one entry per field when each focus marks", () => {
    e.history.mark("edit a");
    for (const n of [1, 12, 128]) e.setA(n);
    e.history.mark("edit b");
    for (const n of [6, 64]) e.setB(n);
    expect(e.state()).toEqual({ a: 128, b: 64 });
    e.history.undo();
    expect(e.state()).toEqual({ a: 128, b: 0 });
    e.history.undo();
    expect(e.state()).toEqual({ a: 0, b: 0 });
    e.history.redo();
    expect(e.state()).toEqual({ a: 128, b: 0 });
  });

  it("does not record ignored batches, and an outer ignore wins over an inner record", () => {
    e.history.mark("");
    e.history.batch(
      () => {
        e.setA(1);
        e.history.batch(() => e.setB(1), { history: "record" });
      },
      { history: "ignore" },
    );
    expect(e.state()).toEqual({ a: 1, b: 1 });
    expect(e.history.canUndo()).toBe(false);
    e.history.undo();
    expect(e.state()).toEqual({ a: 1, b: 1 });
  });

  it("keeps the redo stack for record-preserve-redo batches", () => {
    e.increment();
    e.history.mark("1");
    e.increment();
    e.history.undo();
    e.history.mark("age");
    e.setA(23, { history: "record-preserve-redo" });
    e.history.mark("after age");
    expect(e.history.canRedo()).toBe(true);
    e.history.redo();
    expect(e.get()).toBe(2);
    expect(e.state().a).toBe(23);
  });

  it("undoes a batch of several changes as one entry and does not re-record while undoing", () => {
    e.incrementTwice();
    expect(e.get()).toBe(2);
    e.history.undo();
    expect(e.get()).toBe(0);
    expect(e.history.canUndo()).toBe(false);
    expect(e.history.canRedo()).toBe(true);
  });

  it("does not record selection or viewport: they are not in the document", () => {
    // The ui store is separate; a document listener sees nothing when only the ui changes.
    const before = e.doc.getState().version;
    e.history.mark("select");
    expect(e.doc.getState().version).toBe(before);
    expect(e.history.canUndo()).toBe(false);
  });

  it("caps its size, dropping the oldest gestures", () => {
    const capped = createCounter(3);
    for (let i = 0; i < 10; i++) {
      capped.history.mark(`inc ${i}`);
      capped.increment();
    }
    expect(capped.get()).toBe(10);
    for (let i = 0; i < 10; i++) capped.history.undo();
    // Three closed gestures kept, plus the one still open when undo began.
    expect(capped.get()).toBe(6);
    expect(capped.history.getSnapshot().undos.filter((u) => u.type === "diff").length).toBe(0);
  });

  it("does not pile up empty stopping points", () => {
    for (let i = 0; i < 1000; i++) e.history.mark(`zoom ${i}`);
    expect(e.history.getSnapshot().undos).toHaveLength(1);
  });

  it("keeps an undo stack that survives a JSON round trip of its diffs", () => {
    e.increment();
    e.increment();
    e.history.mark("stop at 2");
    e.increment();
    e.increment();
    e.increment();
    const snapshot = e.history.getSnapshot();
    const parsed = JSON.parse(JSON.stringify(snapshot));
    expect(parsed).toEqual(snapshot);
    const fresh = createHistory(e.doc);
    e.history.dispose();
    fresh.loadSnapshot(parsed);
    fresh.undo();
    expect(e.get()).toBe(2);
    fresh.undo();
    expect(e.get()).toBe(0);
    fresh.redo();
    fresh.redo();
    expect(e.get()).toBe(5);
  });

  it("refuses a snapshot of another version with a clear message", () => {
    expect(() => e.history.loadSnapshot({ version: 99, undos: [], redos: [] })).toThrow(
      /version 1.*received version 99/,
    );
  });

  it("notifies when canUndo or canRedo change, not on every recorded change", () => {
    let calls = 0;
    e.history.subscribe(() => calls++);
    e.history.mark("a");
    e.increment();
    e.increment();
    e.increment();
    expect(calls).toBe(1);
    e.history.undo();
    expect(calls).toBe(2);
    e.history.redo();
    expect(calls).toBe(3);
  });

  it("restores removed nodes and edges in their original order", () => {
    const doc = createDocumentStore(blankProject());
    const history = createHistory(doc);
    const n = ["in", "x", "y", "add"].map((id) => node(id, 1));
    const edges = ["e1", "e2", "e3"].map((id, i) => ({
      id: id as never,
      source: n[i === 2 ? 1 : i].id,
      target: n[3].id,
      targetPort: "in",
    }));
    history.batch(() => updateProject(doc, (p) => ({ ...p, graph: { ...p.graph, nodes: n, edges } })), {
      history: "ignore",
    });
    history.mark("delete");
    updateProject(doc, (p) => ({
      ...p,
      graph: { ...p.graph, nodes: p.graph.nodes.filter((x) => x.id !== "x"), edges: [p.graph.edges[0]] },
    }));
    history.undo();
    const g = doc.getState().project.graph;
    expect(g.nodes.map((x) => x.id)).toEqual(["in", "x", "y", "add"]);
    expect(g.edges.map((x) => x.id)).toEqual(["e1", "e2", "e3"]);
    expect(g.nodes[0]).toBe(n[0]);
  });

  it("undoes project-level fields such as the name and groups", () => {
    e.history.mark("rename");
    updateProject(e.doc, (p) => ({ ...p, name: "Renamed", description: "new", graph: { ...p.graph, groups: [] } }));
    e.history.undo();
    const p = e.doc.getState().project;
    expect(p.name).toBe("history test");
    expect("description" in p).toBe(false);
    expect("groups" in p.graph).toBe(false);
    e.history.redo();
    expect(e.doc.getState().project.description).toBe("new");
  });
});
