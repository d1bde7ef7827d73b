import type { RendererApi } from './api'

declare global {
  interface Window {
    /** present only in the Electron app; browser mode talks to the HTTP bridge instead */
    api?: RendererApi
  }
}

export {}
