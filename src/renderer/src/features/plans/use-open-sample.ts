import { useMutation } from '@tanstack/react-query'
import { errorMessage } from '../../lib/errors'
import { openSample } from './plan-actions'

/** "Open the sample", shared by the first-run screen and the plans library: one run at a time, its error shown where it was clicked. */
export function useOpenSample() {
  const mutation = useMutation({ mutationKey: ['sample.open'], mutationFn: openSample })
  return {
    open: () => mutation.mutate(),
    opening: mutation.isPending,
    error: mutation.error ? errorMessage(mutation.error) : null,
  }
}
