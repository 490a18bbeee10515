/** Hands text to the browser as a file to save: a Blob behind an object URL, clicked through a passing link. */

/**
 * How long the object URL outlives the click. Browsers may read the Blob after the click has returned (older
 * Firefox and Safari did), so it is freed a little later rather than at once; a CSV of history is small.
 */
export const REVOKE_AFTER_MS = 10_000;

export function downloadText(fileName: string, text: string, type: string): void {
  // A Blob made from a string is UTF-8.
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
