import { useEffect, useState } from "react";
import type { ConnectionStatus, NetforgeClient } from "../../api/client";

export interface HostStatus {
  connection: ConnectionStatus | "none";
  /** The trainer's backend (wasm, cpu, tensorflow, ...) once the host reports it. */
  backend: string | null;
  mode: "electron" | "browser" | null;
}

/**
 * What the top bar's backend indicator shows: app.info once connected, then every "trainer.ready"
 * (the trainer restarts after a crash and may pick another backend). No client: the UI runs alone.
 */
export function useHostStatus(client: NetforgeClient | null): HostStatus {
  const [status, setStatus] = useState<HostStatus>({
    connection: client ? client.status : "none",
    backend: null,
    mode: client?.mode ?? null,
  });
  useEffect(() => {
    if (!client) return;
    let live = true;
    const refresh = () =>
      client
        .call("app.info", {})
        .then((info) => live && setStatus((s) => ({ ...s, backend: info.backend ?? s.backend, mode: info.mode })))
        .catch(() => {
          // The indicator keeps its last value; the connection status says what is wrong.
        });
    const offStatus = client.onStatus((connection) => {
      setStatus((s) => ({ ...s, connection }));
      if (connection === "open") refresh();
    });
    const offReady = client.on("trainer.ready", (e) => setStatus((s) => ({ ...s, backend: e.backend })));
    const offExit = client.on("trainer.exited", () => setStatus((s) => ({ ...s, backend: null })));
    if (client.status === "open") refresh();
    return () => {
      live = false;
      offStatus();
      offReady();
      offExit();
    };
  }, [client]);
  return status;
}
