import "../styles/tabs.css";
import type { ReactNode } from "react";
import type { ActiveTab } from "../state/ui-store";

/**
 * The frame every non-design tab shares: a header with title, one-line purpose and actions, and a
 * scrolling body. It is the tab panel the top bar's tab controls (aria-controls="tab-<id>").
 */
export function TabFrame({
  tab,
  title,
  description,
  actions,
  hidden,
  children,
}: {
  tab: ActiveTab;
  title: string;
  description: string;
  actions?: ReactNode;
  hidden: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className="tab-frame"
      id={`tab-${tab}`}
      role="tabpanel"
      aria-labelledby={`tab-button-${tab}`}
      hidden={hidden}
    >
      <header className="tab-frame-header">
        <div>
          <h2>{title}</h2>
          <p>{description}</p>
        </div>
        {actions && <div className="tab-frame-actions">{actions}</div>}
      </header>
      <div className="tab-frame-body">{children}</div>
    </section>
  );
}

/** What a tab will hold, until its issue fills it. */
export function Placeholder({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="placeholder-card">
      <h3>{title}</h3>
      <p>{children}</p>
    </div>
  );
}
