import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDialogOptions, saveDialogOptions, savedPath, withProjectSuffix } from "./dialog-options";

const docs = "/home/ada/Documents";

describe("native dialog options", () => {
  it("open projects and data files as files, folders as folders", () => {
    const project = openDialogOptions({ purpose: "project" }, docs);
    expect(project.properties).toEqual(["openFile"]);
    expect(project.filters?.[0].extensions).toContain("netforge.json");
    expect(openDialogOptions({ purpose: "data-file" }, docs).filters?.[0].extensions).toContain("csv");
    expect(openDialogOptions({ purpose: "data-folder" }, docs).properties).toContain("openDirectory");
    expect(openDialogOptions({ purpose: "data-folder", title: "Images" }, docs).title).toBe("Images");
  });

  it("propose a project name with the suffix, in the last folder, never elsewhere", () => {
    expect(saveDialogOptions({ purpose: "project", defaultName: "XOR" }, docs).defaultPath).toBe(
      join(docs, "XOR.netforge.json"),
    );
    expect(saveDialogOptions({ purpose: "project" }, docs).defaultPath).toBe(join(docs, "Untitled.netforge.json"));
    expect(saveDialogOptions({ purpose: "project", defaultName: "../../etc/x" }, docs).defaultPath).toBe(
      join(docs, "x.netforge.json"),
    );
    const onnx = saveDialogOptions({ purpose: "export", defaultName: "model.onnx" }, docs);
    expect(onnx.defaultPath).toBe(join(docs, "model.onnx"));
    expect(onnx.filters?.[0].extensions).toEqual(["onnx"]);
    expect(onnx.properties).toContain("showOverwriteConfirmation");
  });

  it("add the project suffix to a bare name the user typed", () => {
    expect(withProjectSuffix("iris")).toBe("iris.netforge.json");
    expect(withProjectSuffix("iris.json")).toBe("iris.netforge.json");
    expect(withProjectSuffix("iris.NetForge.json")).toBe("iris.NetForge.json");
    expect(savedPath("project", "/p/iris")).toBe("/p/iris.netforge.json");
    expect(savedPath("export", "/p/model")).toBe("/p/model");
  });
});
