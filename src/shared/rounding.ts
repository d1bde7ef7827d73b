/** Rounding for output figures; the computation itself keeps full precision. */
export const round2 = (value: number): number => Math.round(value * 100) / 100 + 0
export const round1 = (value: number): number => Math.round(value * 10) / 10 + 0
export const round3 = (value: number): number => Math.round(value * 1000) / 1000 + 0

/** share of part in whole as a percent (0 when whole is 0), one decimal */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? round1((100 * part) / whole) : 0)
