/** The app icon (resources/icon.svg) drawn small for the top bar. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 256 256" aria-hidden="true">
      <rect width="256" height="256" rx="56" fill="#1d2435" />
      <g stroke="#7ea2ff" strokeWidth="10" opacity="0.85">
        <path d="M64 80 128 64M64 80l64 48M64 80l64 112M64 176l64-112M64 176h0l64-48M64 176l64 16M128 64l64 64M128 128h64M128 192l64-64" />
      </g>
      <g fill="#ffb454">
        <circle cx="64" cy="80" r="22" />
        <circle cx="64" cy="176" r="22" />
      </g>
      <g fill="#7ea2ff">
        <circle cx="128" cy="64" r="22" />
        <circle cx="128" cy="128" r="22" />
        <circle cx="128" cy="192" r="22" />
      </g>
      <circle cx="192" cy="128" r="26" fill="#5ad19a" />
    </svg>
  );
}
