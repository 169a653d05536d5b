/** The 一网 mark: a net over a circle, drawn inline so it needs no image file. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <defs>
        <linearGradient id="yw-g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4096ff" />
          <stop offset="1" stopColor="#13c2c2" />
        </linearGradient>
      </defs>
      <circle cx="32" cy="32" r="30" fill="url(#yw-g)" />
      <g stroke="#fff" strokeWidth="3" fill="none" opacity="0.95">
        <path d="M12 32h40" />
        <path d="M32 12v40" />
        <path d="M17 19c9 6 21 6 30 0" />
        <path d="M17 45c9-6 21-6 30 0" />
        <path d="M19 17c6 9 6 21 0 30" />
        <path d="M45 17c-6 9-6 21 0 30" />
      </g>
    </svg>
  );
}
