import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { cnn } from "./__fixtures__/projects";
import { createEditor, memoryClipboard } from "./editor";
import { EditorContext, useEditor } from "./editor-context";
import { createSelection, shallow, useAnalysis, useDoc, useIsDirty, useUi, useUndoState } from "./hooks";

describe("selection memo", () => {
  it("returns the previous value for the same state and for an equal result", () => {
    const select = createSelection<{ a: number[] }, number[]>(shallow);
    const s1 = { a: [1, 2] };
    const pick = (s: { a: number[] }) => s.a.map((x) => x * 2);
    const v1 = select(s1, pick);
    expect(select(s1, pick)).toBe(v1);
    expect(select({ a: [1, 2] }, pick)).toBe(v1);
    expect(select({ a: [1, 3] }, pick)).toEqual([2, 6]);
  });

  it("uses Object.is by default", () => {
    const store = createStore(() => ({ n: 1 }));
    const select = createSelection<{ n: number }, { n: number }>();
    const first = select(store.getState(), (s) => ({ n: s.n }));
    expect(select({ n: 1 }, (s) => ({ n: s.n }))).not.toBe(first);
  });
});

describe("hooks", () => {
  it("read the editor's stores inside EditorContext", () => {
    const editor = createEditor({ project: cnn(), clipboard: memoryClipboard() });
    function Probe() {
      const name = useDoc((s) => s.project.name);
      const tab = useUi((s) => s.activeTab);
      const shape = useAnalysis((s) => JSON.stringify(s.graph.nodes.dense_1.outputShapes));
      const { canUndo } = useUndoState();
      const dirty = useIsDirty();
      return <p>{`${name} ${tab} ${shape} ${canUndo} ${dirty}`}</p>;
    }
    const html = renderToString(
      <EditorContext.Provider value={editor}>
        <Probe />
      </EditorContext.Provider>,
    );
    expect(html).toBe("<p>test design [[10]] false false</p>");
  });

  it("say clearly when no editor is provided", () => {
    function Orphan() {
      useEditor();
      return null;
    }
    expect(() => renderToString(<Orphan />)).toThrow(/EditorContext.Provider/);
  });
});
