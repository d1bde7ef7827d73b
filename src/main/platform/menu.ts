import { Menu, app, shell, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/events'

/** The application menu; commands go to the renderer, which runs them through the contract like any click. */
export function buildAppMenu({ send }: { send: (command: MenuCommand) => void }): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Plan…', accelerator: 'CmdOrCtrl+O', click: () => send('import-plan') },
        { type: 'separator' },
        { label: 'Export PDF…', accelerator: 'CmdOrCtrl+P', click: () => send('export-pdf') },
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export-csv') },
        { label: 'Backup…', click: () => send('backup') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Plans', accelerator: 'CmdOrCtrl+1', click: () => send('go-plans') },
        { label: 'Dashboard', accelerator: 'CmdOrCtrl+2', click: () => send('go-dashboard') },
        { label: 'Tasks', accelerator: 'CmdOrCtrl+3', click: () => send('go-tasks') },
        { label: 'Repos', accelerator: 'CmdOrCtrl+4', click: () => send('go-repos') },
        { label: 'Report', accelerator: 'CmdOrCtrl+5', click: () => send('go-report') },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: `Readiness Cockpit ${app.getVersion()}`, enabled: false },
        { label: 'Show Data Folder', click: () => void shell.openPath(app.getPath('userData')) },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
