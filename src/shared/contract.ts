import type { z } from 'zod'
import type { MethodGroup } from './method-spec'
import { appMethods } from './contract/app'
import { checkMethods } from './contract/checks'
import { dialogMethods } from './contract/dialogs'
import { evidenceMethods } from './contract/evidence'
import { fileMethods } from './contract/files'
import { planMethods } from './contract/plans'
import { progressMethods } from './contract/progress'
import { repoMethods } from './contract/repos'
import { reportMethods } from './contract/report'
import { sampleMethods } from './contract/sample'
import { settingsMethods } from './contract/settings'
import { taskMethods } from './contract/tasks'

/** Merges the per-prefix groups; every method's name must carry its group's prefix and be domain.verbNoun. */
function mergeMethodGroups<T extends Record<string, MethodGroup>>(groups: T): UnionToIntersection<T[keyof T]> {
  const merged: MethodGroup = {}
  for (const [prefix, group] of Object.entries(groups)) {
    for (const [name, spec] of Object.entries(group)) {
      if (name in merged) throw new Error(`contract method defined twice: ${name}`)
      if (!/^[a-z]+\.[a-z][A-Za-z]+$/.test(name))
        throw new Error(`contract method name is not domain.verbNoun: ${name}`)
      if (!name.startsWith(`${prefix}.`)) throw new Error(`contract method ${name} is in the ${prefix}.* group`)
      merged[name] = spec
    }
  }
  return merged as UnionToIntersection<T[keyof T]>
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/**
 * The contract's groups, one per method prefix (src/shared/contract/<prefix>.ts); the core's handler groups are
 * typed by the same groups, so a method without a handler is a compile error.
 */
export const methodGroups = {
  app: appMethods,
  settings: settingsMethods,
  dialogs: dialogMethods,
  files: fileMethods,
  sample: sampleMethods,
  plans: planMethods,
  tasks: taskMethods,
  repos: repoMethods,
  evidence: evidenceMethods,
  checks: checkMethods,
  progress: progressMethods,
  report: reportMethods,
}

/** The one typed contract: method name → zod input/output. Electron IPC, the HTTP bridge and the CLI are generated from it. */
export const contract = mergeMethodGroups(methodGroups)

export type Contract = typeof contract
export type MethodName = keyof Contract & string
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>

export const methodNames = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
