/** WHOOP's sport names as people write them: `functional-fitness` → Functional Fitness. */
const sportNames: Record<string, string> = { hiit: 'HIIT' }

export function sportName(name: string): string {
  const words = (part: string) => part.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ')
  return sportNames[name] ?? name.split('/').map(words).join(' / ')
}
