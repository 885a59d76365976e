import type { Severity } from "../../../shared/diagnostics";

/** A filled circle with "!" for errors, a triangle for warnings (VS Code's problem icons). */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg className={`sev ${severity}`} width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      {severity === "error" ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 4.2v4.6M8 11.2v.6" stroke="var(--raised)" strokeWidth="1.8" strokeLinecap="round" />
        </>
      ) : (
        <>
          <path d="M8 1.5 15 14H1z" fill="currentColor" />
          <path d="M8 6v4M8 12v.3" stroke="var(--raised)" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
