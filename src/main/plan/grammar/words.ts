/**
 * The words plans use for the same few ideas, in the languages leads write plans in (English, German, French,
 * Spanish, Portuguese, Italian, Dutch, Japanese, Chinese, Korean; table headers also in Polish, Russian and Vietnamese). One place, as regular-expression fragments, so
 * every grammar reads "Woche 2", "(3 Std.)", "Aufwand (h)" or "(2時間)" the way it reads "Week 2", "(3h)", "Hours".
 */

/** unit words after an amount, longest first within each unit */
export const HOUR_WORDS =
  'hours?|hrs?|h|stunden|stunde|std\\.?|heures?|horas?|hs|ore|uur|godzin[ay]?|godz\\.?|час(?:а|ов)?|ч\\.?|giờ|時間|小时|小時|시간'
export const DAY_WORDS =
  'days?|d|pd|md|tagen|tage|tag|jours?|j|d[ií]as?|giorni|dagen|dni|dzie[ńn]|день|дня|дней|дн\\.?|ngày|日|天|일'
export const WEEK_WORDS =
  'weeks?|wks?|w|wochen|woche|semaines?|semanas?|sem\\.?|settimane|settimana|weken|tygodnie|tygodni|tydzie[ńn]|tyg\\.?|недел[яиьею]|нед\\.?|tuần|週間|週|周|주'
export const MINUTE_WORDS = 'minutes?|mins?|minuten|minutos?|分'
export const POINT_WORDS = 'points?|pts?|sp|story[-\\s]?points?'

/** "Week 3" in other words: the number follows the word */
export const WEEK_NAMES =
  'weeks?|wks?\\.?|wochen?|semaines?|semanas?|settiman[ae]|weken|week|tydzie[ńn]|tygodni[ea]?|недел[яи]|tuần'
/** "Day 3": "Tag" only capitalised, since "tag 2" is also a git tag */
export const DAY_NAMES = 'days?|jours?|d[ií]as?|giorn[oi]|dag|dzie[ńn]|день|ngày'
/** "第3週", "3週目", "第3周" */
export const CJK_WEEK = /第\s*(\d{1,3})\s*[週周]|(\d{1,3})\s*週目/
export const CJK_DAY = /第\s*(\d{1,3})\s*日|(\d{1,3})\s*日目/

/** table column headers, matched against the whole header text */
export const ESTIMATE_HEADER =
  /^(?:geschätzte?\s+)?(?:aufwand|zeitaufwand|zeit|dauer|schätzung|stunden|std\.?|personentage|tage)\b|^(?:durée|estimation|charge|temps(?:\s+estimé)?|heures|jours)\b|^(?:estimaci[oó]n|esfuerzo|duraci[oó]n|horas|d[ií]as|tiempo(?:\s+estimado)?)\b|^(?:estimativa|esfor[cç]o|dura[cç][aã]o|tempo(?:\s+estimado)?)\b|^(?:stima|durata|ore|giorni|inspanning|uren)\b|^(?:czas(?:\s+trwania)?|nakład(?:\s+pracy)?|godziny|dni|pracochłonność|szacunek)$|^(?:длительность|продолжительность|трудо[её]мкость|оценка|часы|дни)$|^(?:thời\s+lượng|ước\s+tính|số\s+giờ|số\s+ngày|công\s+sức)$|工数|見積|所要時間|予定時間|工时|预估|估时|소요/i
export const TITLE_HEADER =
  /^(?:aufgaben?|tätigkeit(?:en)?|arbeitspakete?|maßnahmen?|tâches?|activités?|livrables?|tareas?|actividad(?:es)?|tarefas?|atividades?|attività|compiti|taken|werkzaamheden|zadani[ea]|zadań|czynnoś[cć]i?|działani[ea]|задач[аи]|работ[аы]|мероприяти[ея]|công\s+việc|nhiệm\s+vụ|hạng\s+mục|hoạt\s+động|タスク|作業(?:内容|項目)?|項目|任务|事项|任務|작업|업무)$/i
export const WEEK_HEADER =
  /^(?:wochen?|kw|tydzie[ńn]|недел[яи]|tuần|semaines?|semanas?|settiman[ae]|weeks?|weken|週|周|주차)$/i
/** the title column of a table of milestones (checkpoints, not work) */
export const MILESTONE_HEADER =
  /^(?:milestones?|meilensteine?|jalons?|hitos?|marcos?|traguard[oi]|mijlpa(?:al|len)|マイルストーン|里程碑)$/i
export const DAY_HEADER = /^(?:tag|jour|d[ií]a|giorno|dag|dzie[ńn]|день|ngày|日)$/i
export const STATUS_HEADER =
  /^(?:statut|estado|stato|zustand|stan|статус|состояние|trạng\s+thái|tình\s+trạng|状態|状态|상태)$/i
export const OWNER_HEADER =
  /^(?:verantwortlich(?:er)?|zuständig(?:er)?|bearbeiter|responsable|responsables|responsável|responsabile|verantwoordelijke|odpowiedzialn[ya]|właściciel|wykonawca|ответственн(?:ый|ые)|исполнитель|владелец|người\s+phụ\s+trách|phụ\s+trách|người\s+thực\s+hiện|担当(?:者)?|负责人|負責人|담당자?)$/i
export const DUE_HEADER =
  /^(?:fällig(?:\s+am)?|termin|frist|échéance|date\s+limite|fecha(?:\s+l[ií]mite)?|prazo|scadenza|deadline|termin\s+realizacji|срок(?:\s+выполнения)?|дедлайн|hạn(?:\s+chót)?|thời\s+hạn|期限|截止(?:日期)?|마감)$/i
/** a column that records completion: a mark, a yes or a date in it is a claim of done */
export const DONE_HEADER =
  /^(?:done|completed?|finished|closed|erledigt|fertig|abgeschlossen|(?:ist\s+)?beendet|terminé|fait|hecho|completado|terminado|conclu[ií]do|feito|fatto|klaar|完了|完成|済|완료)(?:\s*(?:on|at|am|le|el|em|date|datum))?\s*\??$/i

/** status values that claim done, beyond the English ones */
export const DONE_WORDS =
  'erledigt|fertig|abgeschlossen|terminé|fait|hecho|completado|terminado|conclu[ií]do|feito|fatto|klaar|gedaan|завершено|выполнено|готово|zakończon[eya]|ukończon[eya]|gotowe|hoàn\\s+thành|xong|完了|完成|已完成|済み?|완료'

/** "Estimated Time:" in other languages: a label whose value is the item's effort */
export const EFFORT_LABEL_WORDS =
  'geschätzte(?:r)?\\s+(?:zeit|aufwand|dauer)|aufwand|zeitaufwand|schätzung|durée(?:\\s+estimée)?|temps\\s+estimé|estimation|charge|tiempo\\s+estimado|estimaci[oó]n|esfuerzo|duraci[oó]n|tempo\\s+estimado|estimativa|esfor[cç]o|dura[cç][aã]o|tempo\\s+stimato|stima|durata|geschatte\\s+tijd|inspanning|schatting|推定時間|見積(?:もり)?(?:時間)?|工数|所要時間|予定時間|预估(?:时间)?|估时|工时|预计(?:时间|工时)|예상\\s*시간|소요\\s*시간'

/** a field line that schedules its item: "Due:", "Termin:", "Срок:", "Sprint: 2", "Hạn:" */
export const SCHEDULE_LABEL_WORDS =
  'target(?: week| date)?|due(?: date)?|deadline|timeline|schedule|when|week|sprint|iteration|fällig(?:\\s+am)?|termin|frist|zieltermin|échéance|date\\s+limite|fecha(?:\\s+l[ií]mite)?|plazo|prazo|scadenza|срок|дедлайн|спринт|неделя|hạn(?:\\s+chót)?|thời\\s+hạn|tuần|期限|截止(?:日期)?|마감'

/** a field line that states its item's status: "Status:", "Статус:", "Stan:", "Trạng thái:" */
export const STATUS_LABEL_WORDS =
  'status|statut|estado|stato|zustand|статус|состояние|stan|trạng\\s+thái|状態|状态|상태'

/** plan start labels */
export const START_LABEL_WORDS =
  'zeitraum|période|período|periodo|beginn|startdatum|projektstart|projektbeginn|début|date de début|démarrage|inicio|fecha de inicio|início|data de início|data de inicio|inizio|data di inizio|startdatum|開始日?|开始日期|시작일'

/**
 * A line that names a break in the calendar and nothing else: "Christmas break", "Public holiday (Dec 25)",
 * "Pausa para o feriado de Natal", "Urlaub", "冬休み", and the breaks inside a day ("Lunch", "Lunch break", "Coffee
 * break", "Pause"). A task that mentions a holiday ("Support public holidays in the
 * scheduler", "Break the monolith up") has other words around it and is not one.
 */
const BREAK_NOUNS =
  'lunch(?:\\s+break)?|coffee\\s+break|tea\\s+break|pause|mittagspause|kaffeepause|pause\\s+d[ée]jeuner|almuerzo|almo[cç]o|pranzo|holidays?|vacations?|time\\s+off|pto|days?\\s+off|out\\s+of\\s+office|urlaub|ferien|feiertage?|betriebsferien|vacances|cong[ée]s?|vacaciones|festivos?|descanso|f[ée]rias|feriados?|recesso|pausa|ferie|vakantie|feestdag(?:en)?'
const BREAK_QUALIFIERS =
  "christmas|xmas|winter|summer|spring|autumn|fall|easter|public|bank|national|company|team|school|thanksgiving|new\\s+year'?s?|lunar\\s+new\\s+year|year[-\\s]end|holiday|natal|navidad|no[eë]l|weihnachts?|oster|sommer"
const PREPOSITIONS = 'for|of|para|de|do|da|für|pour|por|del|per|voor|über'
export const BREAK_LINE = new RegExp(
  [
    `^\\W*(?:(?:${BREAK_QUALIFIERS})\\s+){0,2}(?:${BREAK_NOUNS}|break)(?:\\s*[-–—:(].{0,40})?\\W*$`,
    `^\\W*(?:${BREAK_NOUNS})\\s+(?:${PREPOSITIONS})\\s.{0,40}$`,
    '^\\W*\\S{0,8}(?:休み|休暇|祝日|假期|休假|放假|연휴|휴가)\\W*$',
  ].join('|'),
  'iu',
)

/**
 * Month names and their usual short forms in the languages above (Latin script), lower case, for dates written
 * with words ("16 décembre 2025", "3. März 2026", "12 de mayo"). Short forms that are also common words
 * ("out", "set", "marco") are left out.
 */
const MONTH_NAMES: Array<[number, string]> = [
  [1, 'jan january januar jänner janvier janv enero gennaio janeiro januari'],
  [2, 'feb february februar février fevrier févr fév fevr febrero febbraio fevereiro februari'],
  [3, 'mar march märz maerz mars marzo março maart'],
  [4, 'apr april avril avr abril aprile'],
  [5, 'may mai mayo maggio maio mei'],
  [6, 'jun june juni juin junio giugno junho'],
  [7, 'jul july juli juillet juil julio luglio julho'],
  [8, 'aug august août aout agosto augustus'],
  [9, 'sep sept september septembre septiembre setiembre settembre setembro'],
  [10, 'oct october oktober okt octobre octubre ottobre outubro'],
  [11, 'nov november novembre noviembre novembro'],
  [12, 'dec december dezember dez décembre decembre déc diciembre dicembre dezembro'],
]
export const MONTH_NUMBER_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap(([number, names]) => names.split(' ').map((name) => [name, number] as [string, number])),
)
