import { utilityProcess } from "electron";
import { type LaunchTrainer, TrainerClient } from "../services/trainer-client";
import type { StartTrainer } from "../services/trainer-pool";
// Bundled by electron-vite as its own entry (ANCHORS R19); this is its path in out/.
import trainerEntry from "../trainer/index?modulePath";

/**
 * The trainer as an Electron utilityProcess (a Node child that Electron manages: it is named in
 * the task manager, dies with the app, and needs no Node binary beside Electron's). The host's
 * TrainerClient drives it through the same port as the child_process.fork of browser mode.
 */
export const launchUtilityTrainer: LaunchTrainer = (env) => {
  const child = utilityProcess.fork(trainerEntry, [], { serviceName: "NetForge trainer", env, stdio: "inherit" });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => child.postMessage(message),
    onMessage(listener) {
      child.on("message", listener);
      return () => child.off("message", listener);
    },
    onExit(listener) {
      const onExit = (code: number) => listener(`code ${code}`);
      child.once("exit", onExit);
      return () => child.off("exit", onExit);
    },
    // A utility process cannot be sent a chosen signal; kill() ends it (SIGTERM on POSIX).
    kill: () => void child.kill(),
  };
};

export const utilityTrainer =
  (backend?: string): StartTrainer =>
  () =>
    TrainerClient.start({ backend, launch: launchUtilityTrainer });
