import { useEffect, useState } from "react";
import type { ResponseOf } from "../../../shared/api/contract";
import { useClient } from "./session";

export type AppInfo = ResponseOf<"app.info">;

/** app.info once per connection (capabilities decide native dialog or folder browser). */
export function useAppInfo(): AppInfo | null {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    if (!client) return;
    let live = true;
    const load = () =>
      client
        .call("app.info", {})
        .then((i) => live && setInfo(i))
        .catch(() => {
          // The connection status shows what is wrong; the browser is the fallback.
        });
    const off = client.onStatus((s) => s === "open" && void load());
    void load();
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return info;
}
