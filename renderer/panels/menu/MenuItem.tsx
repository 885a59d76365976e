/** One entry of a menu (File, the canvas' context menu): label, optional detail and shortcut. */
export function MenuItem({
  label,
  kbd,
  detail,
  disabled = false,
  onSelect,
}: {
  label: string;
  kbd?: string;
  detail?: string;
  disabled?: boolean;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      aria-disabled={disabled}
      title={detail}
      tabIndex={-1}
      onClick={() => {
        if (!disabled) onSelect();
      }}
    >
      <span className="menu-label">{label}</span>
      {detail && <span className="menu-detail">{detail}</span>}
      {kbd && <kbd>{kbd}</kbd>}
    </button>
  );
}

/**
 * Moves the focus within a menu: by one entry (wrapping around), or to the first or last entry.
 * Disabled entries are skipped, as in desktop menus: Enter must always do something.
 */
export function moveMenuFocus(menu: HTMLElement | null, to: 1 | -1 | "first" | "last"): void {
  const items = [...(menu?.querySelectorAll<HTMLElement>("[role=menuitem]:not([aria-disabled=true])") ?? [])];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const index =
    to === "first" ? 0 : to === "last" ? items.length - 1 : at < 0 && to === -1 ? items.length - 1 : at + to;
  items[(index + items.length) % items.length].focus();
}
