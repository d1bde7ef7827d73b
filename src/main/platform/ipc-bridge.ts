import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { methodNames } from '../../shared/contract'
import { eventChannel, rpcChannel } from '../../preload/api'
import type { EventName } from '../../shared/events'
import type { Dispatch } from '../rpc'
import type { Core } from '../bootstrap'

/**
 * One ipcMain.handle per contract method, generated from the contract. Calls from frames other than the app's
 * own page are refused before they reach dispatch.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): string[] {
  const channels: string[] = []
  for (const method of methodNames) {
    const channel = rpcChannel(method)
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'unsupported', message: 'Refused: the call did not come from the app window' },
        }
      }
      return dispatch(method, input)
    })
    channels.push(channel)
  }
  return channels
}

/** Forwards core events to the window's renderer. */
export function forwardEvents(core: Core, target: () => WebContents | null): () => void {
  return core.subscribe((event: EventName, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload)
  })
}

/** The app's own page: the built renderer file, or the dev server in `electron-vite dev`. */
export function isAppUrl(url: string, appEntryUrl: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true
  const withoutHash = url.split('#')[0].split('?')[0]
  return withoutHash === appEntryUrl
}
