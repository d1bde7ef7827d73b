import { bounded, cleanTitle } from '../text'

/**
 * What a section is for, read from its own heading. Work sections hold the items; the others are
 * criteria, metrics, risks, people, cadence, next actions, reference material, status, milestones,
 * gates or backlog, and never hold items. A *strong* role holds even when the heading carries a
 * time marker ("Week 1 Exit Criteria"); a *weak* one ("Week 1 Milestones: …") yields to it. A heading
 * with an estimate or an item ID is work whatever its words. Recap words ("summary", "checklist")
 * only make a section a recap when its entries restate items found elsewhere (decided later).
 */

export type SectionRole =
  | 'work'
  | 'backlog'
  | 'gate'
  | 'criteria'
  | 'metrics'
  | 'risks'
  | 'people'
  | 'cadence'
  | 'next-actions'
  | 'reference'
  | 'status'
  | 'milestones'
  | 'recap'
  | 'ignore'

export type RoleReading = { role: SectionRole; strong: boolean; recapCandidate: boolean }

type Rule = { role: SectionRole; strong: boolean; pattern: RegExp }

const RULES: Rule[] = [
  {
    role: 'gate',
    strong: true,
    pattern:
      /\bgo\s*[/-]?\s*no[-\s]?go\b|\bdecision gate\b|\bquality gates?\b|\bgate reviews?\b|\b(?:launch(?: day)?|pre[-\s]?launch|go[-\s]?live|readiness|release|deployment|deploy|production|final|pre[-\s]?deployment|cut[-\s]?over)\s+(?:checklist|gate|criteria|sign[-\s]?off)\b|\bfinal checklist\b|\bsign[-\s]?off\b/i,
  },
  {
    role: 'criteria',
    strong: true,
    pattern:
      /\b(?:success|acceptance|exit|completion|entry|done|release|launch)\s+criteria\b|\bdefinition of (?:done|ready|success)\b|\bacceptance tests?\b|\bquality (?:assurance )?checklist\b|\brequirements?\b.*\bcriteria\b|\bnon[-\s]functional requirements\b|\bfunctional requirements\b/i,
  },
  {
    // the same in other languages: Akzeptanzkriterien, critères d'acceptation, critérios de aceite, 验收标准, 完了条件…
    role: 'criteria',
    strong: true,
    pattern:
      /(?:akzeptanz|abnahme|erfolgs|abschluss)kriterien|definition of done|crit[èe]res? (?:d'|de )?(?:acceptation|succ[èe]s|sortie)|criterios? de (?:aceptaci[oó]n|[ée]xito|salida)|crit[ée]rios? de (?:aceita[cç][aã]o|aceite|sucesso|sa[ií]da)|criteri di (?:accettazione|successo)|acceptatiecriteria|受け入れ(?:基準|条件)|完了条件|合格基準|验收标准|验收条件|完成标准|인수\s*기준|완료\s*조건/i,
  },
  { role: 'criteria', strong: false, pattern: /\bvalidation\b|\bverification\b|\bcheckpoints?\b/i },
  {
    role: 'metrics',
    strong: true,
    pattern:
      /\bmetrics?\b|\bkpis?\b|\bokrs?\b|\bscorecard\b|\bhealth score\b|\bmeasures? of success\b|\bsuccess (?:measures|indicators)\b|\bvelocity (?:prediction|forecast|tracking|chart)\b/i,
  },
  {
    role: 'risks',
    strong: true,
    pattern:
      /\brisks?\b|\bmitigations?\b|\bcontingenc(?:y|ies)\b|\brollback (?:plan|strategy|procedures?|steps)\b|\bassumptions\b|\bissues log\b/i,
  },
  {
    role: 'people',
    strong: true,
    pattern:
      /^(?:the\s+)?(?:project\s+|core\s+|release\s+|delivery\s+)?(?:team|teams|roles?|responsibilities|owners?|ownership|stakeholders|contacts?|staffing|raci|accountability|assignments)\b|\b(?:team (?:assignments?|members|structure|roles)|roles (?:and|&) responsibilities|owners? (?:and|&) (?:responsibilities|accountability)|by owner|release team|resource (?:allocation|requirements|plan)|who'?s who|(?:team |sprint )?capacity (?:analysis|planning|summary|allocation)|team (?:capacity|allocation)|member allocation)\b/i,
  },
  {
    role: 'cadence',
    strong: true,
    pattern:
      /\bcadence\b|\bstand-?ups?\b|\bcommunication(?: plan| protocol)?\b|\bescalation\b|\bmeetings?\b|\bceremonies\b|\boperating rhythm\b|\bweekly (?:reviews?|syncs?|check[-\s]?ins?)\b|\bcheck[-\s]?ins\b|\bstatus (?:updates|reports|reporting)\b|\bdaily (?:progress )?(?:updates|reports)\b|\breporting\b/i,
  },
  {
    role: 'next-actions',
    strong: true,
    pattern: /\bnext (?:actions|steps)\b|\bimmediate (?:actions|next steps)\b|\baction items for\b/i,
  },
  {
    role: 'backlog',
    strong: true,
    pattern:
      /(?<!\bsprint\s)\bbacklog\b|\bicebox\b|\bparking lot\b|\bwish ?list\b|\bsomeday\b|\bnice[-\s]to[-\s]haves?\b|\bout of scope\b|\bnot (?:in scope|planned)\b|\bnon[-\s]goals?\b|\bfuture (?:work|ideas|enhancements?|improvements?|considerations|phases?|features|releases?|iterations?)\b|^future\b|^later\b|\blong[-\s]term\b|\bpost[-\s]mvp\b|\bdeferred\b|\bstretch goals\b/i,
  },
  {
    role: 'status',
    strong: false,
    pattern:
      /\bcurrent (?:state|status|situation)\b|\bstatus assessment\b|\bexecutive summary\b|\bwhat'?s (?:done|left)\b|\bachievements?\b|\baccomplishments\b|\bcompleted (?:work|so far)\b|\bwhere we are\b|\bimplementation log\b/i,
  },
  {
    role: 'milestones',
    strong: false,
    pattern: /\bmilestones?\b|\bkey dates\b|\bprogress tracking\b|\bweekly (?:targets|goals)\b/i,
  },
  {
    role: 'reference',
    strong: true,
    pattern:
      /^(?:code |usage |sample |config(?:uration)? )?examples?\b|\b(?:code|usage|config(?:uration)?) examples?$|^templates?\b|\btemplates?$/i,
  },
  {
    role: 'reference',
    strong: false,
    pattern:
      /^(?:(?:epic|sprint|phase|project|release|business|team)\s+(?:goals?|objectives?)$|(?:goals?|objectives?)$)|^(?:overview|introduction|intro|background|context|purpose|summary|tl;?dr|abstract|assessment|appendix|appendices|references?|resources|links|glossary|notes?|conclusion|closing|table of contents|contents|document (?:info|history|control)|changelog|revision history|approvals?|about|faq|business context|problem statement|dependencies|dependency (?:graph|map)|task dependencies|integration with|how to use|conventions|common conventions|project hygiene|field conventions|tools|quick reference|cheat ?sheet|at a glance)\b|\bdependenc(?:y|ies) (?:visualization|graph|map|tree)\b|\bconventions\b/i,
  },
  {
    // a record of the document's own edits, in any language: its dated rows are history, not work
    role: 'reference',
    strong: false,
    pattern:
      /^(?:change ?log|change history|revision history|version history|document history|historique(?: des (?:modifications|versions|révisions))?|änderungs(?:historie|protokoll|verlauf)|versionshistorie|hist[óo]rico de (?:altera[çc][õo]es|vers[õo]es|revis[õo]es)|historial de (?:cambios|versiones)|registro de cambios|cronologia (?:delle )?modifiche|журнал изменений|история изменений|historia zmian|lịch sử (?:thay đổi|cập nhật)|变更记录|修订记录|更新记录|变更历史|修订历史|変更履歴|更新履歴|改訂履歴|변경 ?(?:이력|내역|기록))$/i,
  },
]

const RECAP_WORDS =
  /\bchecklist\b|\bsummary\b|\bsummaries\b|\bcritical path\b|\bquick start\b|\bpriority (?:matrix|order|list)\b|\bat a glance\b|\brecap\b|\broll-?up\b|\bdeliverables\b|\bprogress\b|\btimeline summary\b|\boverview\b|\b(?:zusammenfassung|[üu]bersicht|r[ée]sum[ée]|resumen|resumo|riepilogo|samenvatting|checkliste)\b|概要|まとめ|总结|汇总|摘要|요약/i
const POST = /^post[-\s]?(?:launch|production|release|go[-\s]?live|deploy(?:ment)?)\b/i

export function readRole(rawTitle: string): RoleReading {
  const title = bounded(cleanTitle(rawTitle), 300).replace(/^[#\d.)\s]+(?=[A-Za-z])/, '')
  for (const rule of RULES)
    if (rule.pattern.test(title))
      return { role: rule.role, strong: rule.strong, recapCandidate: RECAP_WORDS.test(title) }
  if (POST.test(title)) return { role: 'backlog', strong: false, recapCandidate: false }
  return { role: 'work', strong: false, recapCandidate: RECAP_WORDS.test(title) }
}
