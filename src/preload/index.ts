import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildRendererApi } from './api'

// Only window.api crosses the bridge: no raw ipcRenderer, no Node.
contextBridge.exposeInMainWorld(
  'api',
  buildRendererApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (channel, listener) => {
      const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, handler)
      return () => ipcRenderer.removeListener(channel, handler)
    },
    getPathForFile: (file) => webUtils.getPathForFile(file),
  }),
)
