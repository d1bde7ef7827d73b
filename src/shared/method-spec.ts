import type { z } from 'zod'

/** One contract method: its input and output schemas and a line for `readiness --help`. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** one line for `readiness --help` and the docs */
  summary: string
}

/** The methods of one prefix (`plans.*`, `repos.*`, …): one file under src/shared/contract/ each. */
export type MethodGroup = Record<string, MethodSpec>

/** `{ input }` as a handler receives it (after zod's defaults) and `{ output }` as it must answer. */
export type SpecInput<S extends MethodSpec> = z.output<S['input']>
export type SpecOutput<S extends MethodSpec> = z.output<S['output']>
