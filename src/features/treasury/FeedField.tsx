/**
 * A price feed for the launch form: one of the chain's known feeds, or another address typed in; below it,
 * what the feed itself answers (its description, decimals, latest price and when it was updated), or why
 * it cannot price a pool.
 */
import { useId, useState } from 'react';
import { isAddressEqual, toAddress } from '../../chain/config/addressText.ts';
import type { FeedReading } from '../../chain/launch/launchReads.ts';
import type { KnownFeed } from '../../chain/react/useLaunchReads.ts';
import { formatAge } from '../../ui/age.ts';
import { FieldError } from '../../ui/FieldError.tsx';
import { formatAmount, shortAddress } from '../../ui/format.ts';
import { INPUT } from '../../ui/TextField.tsx';

const OTHER = 'other';

export function FeedField({
  label,
  known,
  value,
  fallback,
  onChange,
  error,
  reading,
  loading,
}: {
  label: string;
  known: readonly KnownFeed[];
  /** The address as typed; empty takes `fallback` when there is one. */
  value: string;
  /** The known feed an empty field stands for (the settlement/ETH feed of the chosen collateral). */
  fallback?: KnownFeed | undefined;
  onChange: (text: string) => void;
  error: string | undefined;
  reading: FeedReading | undefined;
  loading: boolean;
}) {
  const id = useId();
  const [typing, setTyping] = useState(false);
  const typed = toAddress(value);
  const match = typed ? known.find((f) => isAddressEqual(f.feed, typed)) : undefined;
  const chosen = value.trim() === '' ? fallback : match;
  const other = known.length === 0 || typing || (value.trim() !== '' && !match);
  const selectValue = other ? OTHER : (chosen?.feed ?? '');
  const errorId = `${id}-error`;
  return (
    <div className="min-w-0 space-y-1">
      <label
        htmlFor={known.length > 0 ? `${id}-known` : `${id}-address`}
        className="block text-xs text-ink-400"
      >
        {label}
      </label>
      {known.length > 0 ? (
        <select
          id={`${id}-known`}
          className={INPUT}
          value={selectValue}
          aria-describedby={error && !other ? errorId : undefined}
          onChange={(e) => {
            const next = e.target.value;
            setTyping(next === OTHER);
            if (next !== OTHER) onChange(next);
            else if (match) onChange('');
          }}
        >
          {chosen ? null : <option value="">Choose a feed</option>}
          {known.map((f) => (
            <option key={f.feed} value={f.feed}>
              {f.pair ?? 'Known feed'} · {shortAddress(f.feed)}
            </option>
          ))}
          <option value={OTHER}>Another address…</option>
        </select>
      ) : null}
      {other ? (
        <input
          id={`${id}-address`}
          aria-label={known.length > 0 ? `${label}: address` : undefined}
          className={`${INPUT} font-mono`}
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="0x…"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
      <FieldError message={error} id={errorId} tone="invalid" />
      {!error ? <FeedReadout reading={reading} loading={loading} /> : null}
    </div>
  );
}

function FeedReadout({ reading, loading }: { reading: FeedReading | undefined; loading: boolean }) {
  if (loading)
    return (
      <p role="status" className="text-xs text-ink-400">
        Reading the feed…
      </p>
    );
  if (reading?.kind !== 'feed') return null;
  const age = Math.max(0, Math.round(Date.now() / 1000 - Number(reading.updatedAt)));
  return (
    <p className="text-xs text-ink-400" data-feed={reading.address}>
      <span className="text-ink-200">{reading.description ?? 'No description'}</span> · {reading.decimals}{' '}
      decimals · latest {formatAmount(reading.answer, reading.decimals, 4)} · updated {formatAge(age)} ago
    </p>
  );
}
