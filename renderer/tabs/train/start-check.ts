import type { Diagnostic } from "../../../shared/diagnostics";
import type { ConfigIssue } from "../../../shared/training/config";
import type { BindingIssue } from "../../state/binding";
import type { ProbeState } from "../data/probe-store";

export interface StartInputs {
  connected: boolean;
  graphErrors: readonly Diagnostic[];
  probe: Pick<ProbeState, "binding" | "error" | "probing">;
  binding: readonly BindingIssue[];
  configIssues: readonly ConfigIssue[];
  busy: boolean;
  /** A run of another project (opened before this one) is still training on the host. */
  elsewhere: boolean;
}

/**
 * Why a run cannot start now, each reason one sentence that says where to fix it; empty when it
 * can. The host checks the same things again (it is the authority); asking first keeps the
 * button honest and the reasons next to it.
 */
export function startBlockers(i: StartInputs): string[] {
  const out: string[] = [];
  if (!i.connected) out.push("No connection to the NetForge host: training runs there.");
  if (i.busy) out.push("A run is training; stop it before starting another.");
  else if (i.elsewhere)
    out.push("A run of a project opened before this one is still training; stop it (Stop other run) to train here.");
  if (i.graphErrors.length > 0) {
    const first = i.graphErrors[0];
    out.push(
      `The design has ${i.graphErrors.length} error${i.graphErrors.length === 1 ? "" : "s"} (first: ${first.code} ${first.message}); fix them in the Design tab.`,
    );
  }
  if (i.probe.binding === "none") out.push("No data is bound: choose a dataset in the Data tab.");
  else if (i.probe.error && !i.probe.probing) out.push(`The data cannot be read: ${i.probe.error}`);
  for (const b of i.binding) if (b.severity === "error") out.push(`Data and model disagree: ${b.message}.`);
  for (const c of i.configIssues) out.push(`Training settings: ${c.message}`);
  return out;
}
