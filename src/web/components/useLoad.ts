import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useApiError } from './useApiError';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** Run a GET when the deps change; failures are shown with the server's message. */
export function useLoad<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const showError = useApiError();
  const fnRef = useRef(fn);
  fnRef.current = fn;
  // Read through a ref: a language switch renews showError and must not refetch everything.
  const showErrorRef = useRef(showError);
  showErrorRef.current = showError;

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    fnRef
      .current(ctl.signal)
      .then((d) => {
        if (!ctl.signal.aborted) {
          setData(d);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e);
        showErrorRef.current(e);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}
