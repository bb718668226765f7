/** A score on a ring, 0 to `max`, in its colour, with the value in words for screen readers. */
export function Dial({ value, max, color, label, text, testId }: { value: number | null; max: number; color: string; label: string; text: string; testId: string }) {
  const radius = 52
  const circumference = 2 * Math.PI * radius
  const share = value === null ? 0 : Math.min(1, Math.max(0, value / max))
  return (
    <svg className="dial" viewBox="0 0 128 128" width="128" height="128" role="img" aria-label={`${label}: ${text}`} data-testid={testId}>
      <circle cx="64" cy="64" r={radius} className="dial-track" />
      <circle
        cx="64"
        cy="64"
        r={radius}
        fill="none"
        stroke={color}
        strokeWidth="12"
        strokeLinecap="round"
        strokeDasharray={`${share * circumference} ${circumference}`}
        transform="rotate(-90 64 64)"
      />
      <text x="64" y="70" textAnchor="middle" className="dial-text">
        {text}
      </text>
    </svg>
  )
}
