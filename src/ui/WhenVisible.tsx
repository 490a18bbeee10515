/**
 * Draws its children once they come near the screen, and a placeholder of their height until then: a page of
 * several charts then spends its first moments on what the user sees. Where the browser cannot tell
 * (no IntersectionObserver), it draws them at once.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';

export function WhenVisible({ minHeight, children }: { minHeight: number; children: ReactNode }) {
  // Hidden at first everywhere, the prerender included (Node has no IntersectionObserver): the page's
  // hydration then finds the placeholder it drew (docs/first-paint.md).
  const [shown, setShown] = useState(false);
  const placeholder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = placeholder.current;
    if (shown || !target) return;
    if (typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [shown]);
  if (shown) return children;
  return <div ref={placeholder} style={{ minHeight }} aria-hidden="true" />;
}
