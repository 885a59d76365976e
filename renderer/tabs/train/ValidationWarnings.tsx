import { useMemo } from "react";
import { useProbe } from "../common/session";

/**
 * The probe's W_VALIDATION_* warnings beside the validation setting: the fraction holds out no
 * sample, or none of some class (the Data tab lists them with the other data warnings).
 */
export function ValidationWarnings() {
  const all = useProbe((s) => s.summary?.warnings);
  const warnings = useMemo(() => (all ?? []).filter((w) => w.code.startsWith("W_VALIDATION_")), [all]);
  if (warnings.length === 0) return null;
  return (
    <ul className="problem-list" aria-label="Validation warnings">
      {warnings.map((w) => (
        <li key={w.code} className="binding-issue warning" role="status">
          <span className="code mono">{w.code}</span>
          <span>{w.message}</span>
        </li>
      ))}
    </ul>
  );
}
