/** The query of the app's hash link (`#/page?a=1&b=2`), where nuqs writes the pages' fields. */
export function linkQuery(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}
