/**
 * nuqs, fed by React Router's own search params. nuqs's React Router adapters read and write
 * `location.search`, which a hash router leaves empty: its query lives after the `#/page`. This adapter goes
 * through the router instead (`useSearchParams` to read, `navigate` to write), and gives nuqs the query in
 * the hash as the base every update starts from (without it, setting one parameter would drop the others).
 * It uses nuqs's public adapter API.
 */
import {
  unstable_createAdapterProvider as createAdapterProvider,
  renderQueryString,
} from 'nuqs/adapters/custom';
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

function useRouterSearchAdapter() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const updateUrl = useCallback(
    (search: URLSearchParams, options: { history: 'push' | 'replace'; scroll: boolean }) => {
      void navigate(
        { search: renderQueryString(search) },
        { replace: options.history !== 'push', preventScrollReset: !options.scroll },
      );
    },
    [navigate],
  );
  return { searchParams, updateUrl, getSearchParamsSnapshot: hashSearchParams };
}

/** The query of `#/page?a=1&b=2`, read at the moment nuqs applies an update (the router's state may lag). */
function hashSearchParams(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export const NuqsRouterAdapter = createAdapterProvider(useRouterSearchAdapter);
