/**
 * A frame that scrolls sideways when a wide table does not fit (a phone), so the page itself never does.
 * It is `relative` on purpose: a table's screen-reader-only labels are absolutely positioned, and without a
 * positioned frame they escape the scroll and widen the whole page.
 */
import type { HTMLAttributes } from 'react';

export function ScrollFrame({ className = '', ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={`relative overflow-x-auto ${className}`} {...rest} />;
}
