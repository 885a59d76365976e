/** The app's icons (16x16, stroked with currentColor); decorative, the buttons carry the names. */
const ICONS = {
  undo: "M5.5 3 2.5 6l3 3M2.5 6h7a4 4 0 0 1 0 8H7",
  redo: "M10.5 3l3 3-3 3M13.5 6h-7a4 4 0 0 0 0 8H9",
  layout: "M1.5 3.5h4v3h-4zM10.5 1.5h4v3h-4zM10.5 9.5h4v3h-4zM5.5 5h2.5v-2h2.5M8 5v6h2.5",
  fit: "M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4M5.5 5.5h5v5h-5z",
  help: "M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14zM6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3v.4M8 11.6v.3",
  walk: "M8 14.5v-13M3 3h8.5l2 2-2 2H3zM13 9H4.5l-2 2 2 2H13z",
  templates: "M1.5 1.5h5v5h-5zM9.5 1.5h5v5h-5zM1.5 9.5h5v5h-5zM9.5 9.5h5v5h-5z",
  play: "M4.5 2.5v11l9-5.5z",
  export: "M8 10V1.5M4.5 5 8 1.5 11.5 5M2.5 9.5v5h11v-5",
  close: "M3.5 3.5l9 9M12.5 3.5l-9 9",
  save: "M2.5 1.5h9l3 3v10h-12zM5 1.5v4h6v-4M4.5 14.5v-5h7v5",
  // The file browser's entries: drawn, not emoji, which render as empty boxes without an emoji font.
  folder: "M1.5 3.5h4.5l1.5 2h7v8h-13z",
  file: "M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3",
  project: "M8 1.5 14.5 8 8 14.5 1.5 8zM5.5 8h5",
  up: "M8 13.5v-11M3.5 7 8 2.5 12.5 7",
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}
