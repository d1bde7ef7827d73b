// Electron entry: all Electron-specific code lives in ./platform; the core (db, domains, rpc) knows nothing of it.
import { startDesktopApp } from './platform/electron-main'

startDesktopApp()
