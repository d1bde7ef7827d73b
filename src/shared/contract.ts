import { z } from 'zod'
import { appMethods } from './contract/app'
import { evidenceMethods } from './contract/evidence'
import { planMethods } from './contract/plans'
import { progressMethods } from './contract/progress'
import { reportMethods } from './contract/report'
import { taskMethods } from './contract/tasks'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** one line for `readiness --help` and the docs */
  summary: string
}

function mergeMethodGroups<T extends Record<string, MethodSpec>[]>(...groups: T): UnionToIntersection<T[number]> {
  const merged: Record<string, MethodSpec> = {}
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (name in merged) throw new Error(`contract method defined twice: ${name}`)
      if (!/^[a-z]+\.[a-z][A-Za-z]+$/.test(name)) throw new Error(`contract method name is not domain.verbNoun: ${name}`)
      merged[name] = spec
    }
  }
  return merged as UnionToIntersection<T[number]>
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** The one typed contract: method name → zod input/output. Electron IPC, the HTTP bridge and the CLI are generated from it. */
export const contract = mergeMethodGroups(appMethods, planMethods, taskMethods, evidenceMethods, progressMethods, reportMethods)

export type Contract = typeof contract
export type MethodName = keyof Contract & string
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>

export const methodNames = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
