import type { TrainerMessage } from "../../shared/trainer/protocol";

/**
 * The trainer's link to its host. One entry module serves both launchers: Electron's
 * utilityProcess (process.parentPort) and Node's child_process.fork (process.send / "message").
 */
export interface Port {
  post(message: TrainerMessage): void;
  onRequest(handler: (raw: unknown) => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (event: { data: unknown }) => void): void;
}

export function connectPort(): Port {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onRequest: (h) => parentPort.on("message", (e) => h(e.data)),
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return {
      post: (m) => void send(m),
      onRequest: (h) => process.on("message", h),
    };
  }
  throw new Error(
    "the trainer must be started by a host (utilityProcess or child_process.fork); it has no parent port",
  );
}
