import { QueryClient } from '@tanstack/react-query'

/**
 * The cache of everything read from the core. The core announces its changes (plans.changed, repos.changed) and the
 * few calls it does not announce refresh their own queries, so data never goes stale by itself: nothing refetches on
 * a timer, on focus or on mount, and a failed read is shown at once rather than retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  })
}

/** The app's one cache (the print view has its own page, and this same module). */
export const queryClient = createQueryClient()
