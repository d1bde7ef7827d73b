import { useEffect } from 'react'
import { useSettings } from '../data/hooks'

/** Applies the theme setting: 'system' follows the OS (prefers-color-scheme), else forces light or dark. */
export function useTheme(): void {
  const theme = useSettings().data?.theme ?? 'system'
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches)
      document.documentElement.dataset.theme = dark ? 'dark' : 'light'
    }
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
