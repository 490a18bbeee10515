/**
 * How old something is, said one way wherever an age is shown: the figures on screen (the freshness badge, its
 * notice, the trade form's refusal), a price feed's last answer, a transaction sent. Whole units rounded down,
 * so an age is never told older than it is, and in seconds up to two minutes, since a stale read is flagged
 * within seconds and each one counts then: "42 s", "119 s", "2 min", "3 h", "2 days".
 */
export function formatAge(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  if (s < 120) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
