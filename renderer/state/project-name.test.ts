import { describe, expect, it } from "vitest";
import { createEditor } from "./editor";
import { DEFAULT_PROJECT_NAME, fileStem, nameAfterSaveAs, namedInFile } from "./project-name";
import { renameForSaveAs } from "./save-as-name";

describe("nameAfterSaveAs", () => {
  it("gives an unnamed project the file's name", () => {
    expect(nameAfterSaveAs(DEFAULT_PROJECT_NAME, "/home/u/my-xor.netforge.json", false)).toBe("my-xor");
    expect(nameAfterSaveAs(DEFAULT_PROJECT_NAME, "C:\\Users\\u\\nets\\Iris v2.json", false)).toBe("Iris v2");
    // A template's name is not the user's: a file name of their own replaces it.
    expect(nameAfterSaveAs("XOR MLP", "/p/my-xor.netforge.json", false)).toBe("my-xor");
  });

  it("keeps a name the user gave, and a name whose offered file name was accepted", () => {
    expect(nameAfterSaveAs("Spam filter", "/p/sf.netforge.json", true)).toBe("Spam filter");
    expect(nameAfterSaveAs("XOR MLP", "/p/xor-mlp.netforge.json", false)).toBe("XOR MLP");
  });

  it("never yields an empty or over-long name", () => {
    expect(nameAfterSaveAs("A", "/p/.netforge.json", false)).toBe(".netforge.json");
    expect(nameAfterSaveAs("A", `/p/${"x".repeat(300)}.json`, false)).toHaveLength(200);
  });
});

describe("namedInFile", () => {
  it("counts a name as chosen when it is neither the default nor the file's own name", () => {
    expect(namedInFile("Spam filter", "/p/sf.netforge.json")).toBe(true);
    expect(namedInFile("sf", "/p/sf.netforge.json")).toBe(false);
    expect(namedInFile(DEFAULT_PROJECT_NAME, "/p/sf.netforge.json")).toBe(false);
    // An uploaded or pasted-in project carries its author's name.
    expect(namedInFile("Spam filter", null)).toBe(true);
    expect(fileStem("/p/a.b.json")).toBe("a.b");
  });

  it("is what loading a project records", () => {
    const editor = createEditor();
    editor.loadProject({ ...editor.project(), name: "Spam filter" }, { filePath: "/p/sf.netforge.json" });
    expect(editor.ui.getState().projectNamed).toBe(true);
    editor.loadProject({ ...editor.project(), name: "sf" }, { filePath: "/p/sf.netforge.json" });
    expect(editor.ui.getState().projectNamed).toBe(false);
    // A template, loaded as not named, takes the file name the user types.
    editor.loadProject({ ...editor.project(), name: "XOR MLP" }, { filePath: null, named: false });
    expect(editor.ui.getState().projectNamed).toBe(false);
    editor.dispose();
  });
});

describe("renameForSaveAs", () => {
  it("renames an unnamed project as one undoable edit, and takes it back when nothing was saved", () => {
    const editor = createEditor();
    const undo = renameForSaveAs(editor, "/p/my-xor.netforge.json");
    expect(editor.project().name).toBe("my-xor");
    undo();
    expect(editor.project().name).toBe(DEFAULT_PROJECT_NAME);
    editor.dispose();
  });

  it("keeping the name changes nothing: no new document version", () => {
    const editor = createEditor();
    editor.loadProject({ ...editor.project(), name: "XOR MLP" }, { filePath: null, named: false });
    const version = editor.doc.getState().version;
    renameForSaveAs(editor, "/p/xor-mlp.netforge.json")();
    expect(editor.doc.getState().version).toBe(version);
    expect(editor.project().name).toBe("XOR MLP");
    editor.dispose();
  });
});
