/** What the reader says when it finds no work items: what it looks for, and where to correct it. */
export const NO_TASKS =
  'No work items were found. The cockpit looks for checkbox or bullet lists, numbered or estimated headings ("### 1.2 Add caching (4h)"), or a task table, under phase, week or sprint headings; success criteria, metrics, risks and code blocks are never items. Open the plan in the import preview and use the mapping step to say which headings, lists or tables hold the work.'
