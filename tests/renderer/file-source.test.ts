import { describe, expect, it } from 'vitest'
import { planSourceFromFile } from '../../src/renderer/src/lib/file-source'

describe('a plan file chosen in the browser', () => {
  it('over 20 MB is refused with the same sentence as the CLI, before it is read or sent', async () => {
    const big = new File([new Uint8Array(25 * 1024 * 1024)], 'big.md')
    await expect(planSourceFromFile(big)).rejects.toThrow('big.md is 25.0 MB; plans over 20 MB are refused')
  })
})
