import type { ReactNode } from "react";

/** Label, control and message in the inspector's two-column grid; the message is the control's description. */
export function FieldFrame({
  id,
  name,
  doc,
  hint,
  message,
  children,
}: {
  id: string;
  name: string;
  doc: string;
  hint?: string;
  message: string | null;
  children: ReactNode;
}) {
  return (
    <div className={`field${message ? " field--invalid" : ""}`}>
      <label className="field-label" htmlFor={id} title={doc}>
        {name}
      </label>
      <div className="field-control">
        {children}
        {message ? (
          <p className="field-message" id={`${id}-message`} role="alert">
            {message}
          </p>
        ) : hint ? (
          <p className="field-hint" id={`${id}-message`}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
