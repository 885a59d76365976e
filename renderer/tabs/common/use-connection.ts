import { useEffect, useState } from "react";
import type { ConnectionStatus } from "../../api/client";
import { useClient } from "./session";

/** The host connection's state, live; "none" when the window runs without a host. */
export function useConnection(): ConnectionStatus | "none" {
  const client = useClient();
  const [status, setStatus] = useState<ConnectionStatus | "none">(client ? client.status : "none");
  useEffect(() => {
    if (!client) return;
    setStatus(client.status);
    return client.onStatus(setStatus);
  }, [client]);
  return status;
}
