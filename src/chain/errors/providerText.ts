/**
 * Text that came from outside the app (an endpoint's error body, its JSON-RPC message), made safe to show as
 * text beside the app's own words (docs/errors.md): one plain line, no characters that reorder or hide what is
 * shown, cut to a few lines' worth, and never the endpoint URL's path or query, where API keys live.
 */

/** Text that came from outside the app, made safe to show as text: one line, bounded. */
export interface ProviderText {
  text: string;
  /** Whether the text was longer than what is kept. */
  cut: boolean;
}

/** The most of an endpoint's text kept: enough to recognise an error page or a message, not a page. */
export const PROVIDER_TEXT_LIMIT = 300;
/** Text looked at before cleaning: a multi-megabyte body is not read to the end to keep 300 characters. */
const SCAN_LIMIT = 16_000;

// Control and format characters (newlines, bidirectional overrides, zero-width marks) and line separators:
// they could reorder or hide what is shown, so each run becomes one space.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu;

/** `raw` as one plain line of at most `limit` characters; undefined when nothing readable is left. */
export function boundProviderText(raw: string, limit = PROVIDER_TEXT_LIMIT): ProviderText | undefined {
  const clean = raw.slice(0, SCAN_LIMIT).replace(INVISIBLE, ' ').trim();
  if (!clean) return undefined;
  const chars = Array.from(clean);
  const cut = chars.length > limit || raw.length > SCAN_LIMIT;
  return { text: cut ? chars.slice(0, limit).join('').trimEnd() : clean, cut };
}

/** An endpoint URL's host (and port), or undefined when it does not parse. */
export function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** viem keeps a non-JSON body as a JSON string ("\"<html>…\""): the text itself is what was sent. */
export function unquoted(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : text;
  } catch {
    return text;
  }
}

/** `text` with the endpoint's URL (and its path, which may hold a key) replaced by its host. */
export function withoutUrl(text: string, url: string | undefined, host: string | undefined): string {
  if (!url) return text;
  let out = text.split(url).join(host ?? 'the endpoint');
  try {
    const { pathname, search, username, password } = new URL(url);
    const secrets = [`${pathname}${search}`, username && `${username}:${password}`, password];
    for (const secret of secrets) if (secret && secret.length > 1) out = out.split(secret).join('…');
  } catch {
    // Not a URL: nothing more to hide.
  }
  return out;
}
