// Main script for a bare Electron run (headless hosts without Chromium): loads the report print view in a hidden
// window and writes webContents.printToPDF to a file — the desktop app's engine and page setup. The job (url, out,
// waitScript, options) comes as JSON in READINESS_PRINT_JOB; see electron-print.ts.
const { app, BrowserWindow } = require('electron')
const { writeFileSync } = require('node:fs')

const job = JSON.parse(process.env.READINESS_PRINT_JOB)
app.disableHardwareAcceleration()
if (process.platform === 'linux') app.commandLine.appendSwitch('ozone-platform', 'headless')

app.whenReady().then(async () => {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
  })
  try {
    await win.loadURL(job.url)
    const state = await win.webContents.executeJavaScript(job.waitScript)
    if (state !== 'ready') throw new Error(`The report view failed: ${state}`)
    writeFileSync(job.out, await win.webContents.printToPDF(job.options))
    app.exit(0)
  } catch (error) {
    process.stderr.write(`${String((error && error.message) || error).split('\n')[0]}\n`)
    app.exit(1)
  }
})
