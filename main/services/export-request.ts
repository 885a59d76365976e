import { randomBytes } from "node:crypto";
import { type ExportJob, type ExportReply, ExportReplySchema } from "../../shared/onnx/trainer-job";
import type { TrainerMessage } from "../../shared/trainer/protocol";
import { ExportError } from "./export-error";
import type { TrainerClient } from "./trainer-client";

/** Sends the `export` request and waits for its result, its error, or the trainer's death. */
export function requestExport(trainer: TrainerClient, job: ExportJob): Promise<ExportReply> {
  const requestId = `export-${randomBytes(4).toString("hex")}`;
  return new Promise((resolve, reject) => {
    const done = () => {
      trainer.off("message", onMessage);
      trainer.off("exit", onExit);
    };
    const onMessage = (m: TrainerMessage) => {
      if (!("requestId" in m) || m.requestId !== requestId) return;
      if (m.type === "result") {
        done();
        const parsed = ExportReplySchema.safeParse(m.value);
        if (parsed.success) resolve(parsed.data);
        else
          reject(
            new ExportError("E_EXPORT_REPLY", `malformed export reply from the trainer: ${parsed.error.message}`, {
              internal: true,
            }),
          );
      } else if (m.type === "error") {
        done();
        reject(new ExportError(m.code, m.message, { internal: m.code === "E_TRAINER" }));
      }
    };
    const onExit = (why: string) => {
      done();
      reject(
        new ExportError("E_TRAINER_EXITED", `the trainer process exited (${why}) during the export`, {
          internal: true,
        }),
      );
    };
    trainer.on("message", onMessage);
    trainer.on("exit", onExit);
    try {
      trainer.send({ type: "export", runId: "export", requestId, ...job });
    } catch (error) {
      done();
      reject(new ExportError("E_TRAINER_EXITED", (error as Error).message, { internal: true }));
    }
  });
}
