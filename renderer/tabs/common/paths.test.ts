import { describe, expect, it } from "vitest";
import { baseName, dirName, joinPath, relativeToProject } from "./paths";

describe("paths", () => {
  it("splits POSIX and Windows paths", () => {
    expect(dirName("/home/u/p/iris.csv")).toBe("/home/u/p");
    expect(dirName("C:\\data\\iris.csv")).toBe("C:\\data");
    expect(dirName("/iris.csv")).toBe("/");
    expect(baseName("/home/u/p/iris.csv")).toBe("iris.csv");
    expect(baseName("C:\\data\\imgs\\")).toBe("imgs");
    expect(joinPath("/home/u", "a.onnx")).toBe("/home/u/a.onnx");
    expect(joinPath("C:\\out", "a.onnx")).toBe("C:\\out\\a.onnx");
  });

  it("makes data paths inside the project's folder relative, and leaves others absolute", () => {
    expect(relativeToProject("/p/x.netforge.json", "/p/data/iris.csv")).toBe("data/iris.csv");
    expect(relativeToProject("/p/x.netforge.json", "/q/iris.csv")).toBe("/q/iris.csv");
    expect(relativeToProject("/p/x.netforge.json", "/pq/iris.csv")).toBe("/pq/iris.csv");
    expect(relativeToProject(null, "/p/iris.csv")).toBe("/p/iris.csv");
  });
});
