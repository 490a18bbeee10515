/** Text as the ledger's CSV file writes it (ledgerCsv.ts, docs/ledger.md). */

/**
 * Unix seconds as ISO-8601 UTC to the second, `2026-12-07T18:25:50Z`; empty when the provider gave no time
 * (the block number still places the event).
 */
export function utcTime(timestamp: number | undefined): string {
  if (timestamp === undefined || !Number.isFinite(timestamp)) return '';
  return new Date(Math.trunc(timestamp) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote, CR or LF.
 * Text that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or CR) is led by an
 * apostrophe first: a pool's name is whatever its deployer chose, and an imported pool's deployer is anyone.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
