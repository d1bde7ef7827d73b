import type { Route } from '../app/store'

/** 20×20 line icons for the main navigation (shown alone when the sidebar is collapsed). */
const PATHS: Record<Route, string> = {
  plans: 'M5 2.5h7l3 3v12H5z M12 2.5v3h3 M7.5 9h5 M7.5 12h5 M7.5 15h3',
  dashboard: 'M3 17h14 M5 14V9 M9 14V5 M13 14v-3 M17 14V7',
  tasks: 'M3 5l1.5 1.5L7 4 M9 5.5h8 M3 10l1.5 1.5L7 9 M9 10.5h8 M3 15l1.5 1.5L7 14 M9 15.5h8',
  repos: 'M6 3v10 M6 13a2 2 0 1 0 0 4a2 2 0 1 0 0-4 M14 7a2 2 0 1 0 0-4a2 2 0 1 0 0 4 M14 7c0 4-8 3-8 6',
  report: 'M5 2.5h10v15H5z M8 13v2 M10.5 10v5 M13 7v8',
  settings:
    'M10 7a3 3 0 1 0 0 6a3 3 0 1 0 0-6 M10 2v2.5 M10 15.5V18 M2 10h2.5 M15.5 10H18 M4.3 4.3l1.8 1.8 M13.9 13.9l1.8 1.8 M4.3 15.7l1.8-1.8 M13.9 6.1l1.8-1.8',
}

export function NavIcon({ route }: { route: Route }) {
  return (
    <svg
      className="nav-icon"
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[route]} />
    </svg>
  )
}
