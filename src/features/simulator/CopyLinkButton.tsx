/** Copies the address bar, which always holds the whole simulation (every input is in the link). */
import { useState } from 'react';
import { Button } from '../../ui/Button.tsx';

export function CopyLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const label =
    status === 'copied'
      ? 'Link copied'
      : status === 'failed'
        ? 'Copy failed: use the address bar'
        : 'Copy link';
  return (
    <Button
      variant="secondary"
      aria-live="polite"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(window.location.href);
          setStatus('copied');
        } catch {
          setStatus('failed');
        }
        setTimeout(() => setStatus('idle'), 2000);
      }}
    >
      {label}
    </Button>
  );
}
