import type { BridgeReply } from "../../shared/api/bridge";
import { contract, type EventName } from "../../shared/api/contract";
import type { CallContext } from "../services/handlers";
import type { Host } from "../services/host";

/** What an IPC message says about who sent it (from IpcMainInvokeEvent.sender / senderFrame). */
export interface SenderInfo {
  webContentsId: number;
  /** null when the frame has gone (navigated away or destroyed) before the message was handled. */
  frame: { url: string; top: boolean } | null;
}

export interface TrustPolicy {
  /** The main window's webContents id, or null while there is no window. */
  windowId(): number | null;
  /** Whether a URL is our own UI (the app scheme or the dev server). */
  isAppUrl(url: string): boolean;
}

/**
 * Why a message must be refused, or null when it comes from our UI: the main window's top-level
 * frame showing our own page (Fiddle's `BrowserWindow.fromWebContents(event.sender)` check, made
 * stricter: an iframe, a DevTools page or another window gets nothing).
 */
export function senderRefusal(sender: SenderInfo, policy: TrustPolicy): string | null {
  const windowId = policy.windowId();
  if (windowId === null || sender.webContentsId !== windowId) {
    return `webContents ${sender.webContentsId} is not the NetForge window`;
  }
  if (!sender.frame) return "the sending frame has gone";
  if (!sender.frame.top) return `a subframe (${sender.frame.url.slice(0, 80)}) may not call the host`;
  if (!policy.isAppUrl(sender.frame.url)) return `${sender.frame.url.slice(0, 80)} is not the NetForge UI`;
  return null;
}

/**
 * The main-process side of `window.netforge.invoke`: sender check, then the host, which validates
 * the method name and the request against the contract and answers with an envelope (so the
 * renderer keeps the ApiError code; Electron would flatten a thrown error to a string).
 */
export function createInvokeHandler(
  host: Pick<Host, "reply">,
  policy: TrustPolicy,
  context: () => CallContext,
): (sender: SenderInfo, method: unknown, request: unknown) => Promise<BridgeReply> {
  return async (sender, method, request) => {
    const refusal = senderRefusal(sender, policy);
    // No envelope for a stranger: it gets a rejected promise and learns nothing about the API.
    if (refusal) throw new Error(`NetForge refused an IPC call: ${refusal}`);
    return host.reply(typeof method === "string" ? method : String(method), request, context());
  };
}

/** The preload's "first listener for / last listener gone" notice; false when it was refused. */
export function createListenHandler(
  policy: TrustPolicy,
  listen: (event: EventName, listening: boolean) => void,
): (sender: SenderInfo, event: unknown, listening: unknown) => boolean {
  return (sender, event, listening) => {
    if (senderRefusal(sender, policy) || !contract.isEvent(event) || typeof listening !== "boolean") return false;
    listen(event, listening);
    return true;
  };
}
