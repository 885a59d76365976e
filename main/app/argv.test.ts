import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isProjectPath, projectFileFromArgv } from "./argv";
import { unpackedPath } from "./paths";

const cwd = resolve("/home/ada/work");

describe("projectFileFromArgv", () => {
  it("finds the project file a launch or a second instance passes", () => {
    expect(projectFileFromArgv(["/opt/NetForge/netforge", "/data/xor.netforge.json"], cwd)).toBe(
      resolve("/data/xor.netforge.json"),
    );
    // `electron .` in development: the app folder is an argument too, and is not a project.
    expect(projectFileFromArgv(["electron", ".", "models/iris.netforge.json"], cwd)).toBe(
      join(cwd, "models/iris.netforge.json"),
    );
  });

  it("resolves relative paths against the launching process's folder", () => {
    expect(projectFileFromArgv(["netforge", "a.NetForge.JSON"], "/elsewhere")).toBe(
      resolve("/elsewhere/a.NetForge.JSON"),
    );
  });

  it("skips switches, including Chromium's that a second instance forwards", () => {
    const argv = [
      "netforge",
      "--allow-file-access-from-files",
      "--flag=x.netforge.json",
      "-psn_0_1",
      "b.netforge.json",
    ];
    expect(projectFileFromArgv(argv, cwd)).toBe(join(cwd, "b.netforge.json"));
  });

  it("accepts file:// URLs (Linux desktop entries) and ignores other files", () => {
    const url = pathToFileURL("/data/my model.netforge.json").href;
    expect(projectFileFromArgv(["netforge", url], cwd)).toBe(resolve("/data/my model.netforge.json"));
    expect(projectFileFromArgv(["netforge", "data.csv", "model.json", "file://%"], cwd)).toBeNull();
    expect(projectFileFromArgv(["netforge"], cwd)).toBeNull();
    expect(projectFileFromArgv([], cwd)).toBeNull();
  });

  it("recognises the suffix in any case only at the end", () => {
    expect(isProjectPath("x.NETFORGE.json")).toBe(true);
    expect(isProjectPath("x.netforge.json.bak")).toBe(false);
    expect(isProjectPath("netforge.json.csv")).toBe(false);
  });
});

describe("unpackedPath", () => {
  it("moves paths inside app.asar beside it, and leaves others alone", () => {
    expect(unpackedPath("/opt/NetForge/resources/app.asar/resources")).toBe(
      "/opt/NetForge/resources/app.asar.unpacked/resources",
    );
    expect(unpackedPath("/opt/NetForge/resources/app.asar")).toBe("/opt/NetForge/resources/app.asar.unpacked");
    expect(unpackedPath("C:\\NetForge\\resources\\app.asar\\resources")).toBe(
      "C:\\NetForge\\resources\\app.asar.unpacked\\resources",
    );
    expect(unpackedPath("/home/ada/netforge/resources")).toBe("/home/ada/netforge/resources");
    expect(unpackedPath("/x/app.asarx/resources")).toBe("/x/app.asarx/resources");
    expect(unpackedPath("/x/app.asar.unpacked/resources")).toBe("/x/app.asar.unpacked/resources");
  });
});
