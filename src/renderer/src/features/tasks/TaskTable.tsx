import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { useStore } from '../../app/store'
import { openTask } from './task-actions'
import { Badge, StateBadge } from '../../components/StateBadge'
import { formatDate, formatHours, plural } from '../../lib/format'
import type { SortKey, TableItem, TaskRowData, TaskSort } from './task-rows'

const ROW_HEIGHT = 44

/**
 * Columns in the order they are dropped on narrow tables (see .task-table's container queries): Done first,
 * then Weeks, then Estimate. Item, Title and State always stay; the title takes what is left.
 */
const COLUMNS: { key: SortKey | null; label: string; col: string; className?: string }[] = [
  { key: 'plan', label: 'Item', col: 'item' },
  { key: 'title', label: 'Title', col: 'title' },
  { key: 'week', label: 'Weeks', col: 'weeks' },
  { key: 'estimate', label: 'Estimate', col: 'estimate', className: 'num' },
  { key: 'state', label: 'State', col: 'state' },
  { key: 'doneAt', label: 'Done', col: 'done' },
]

function weeksText(task: TaskRowData): string {
  if (task.weekStart === null) return '—'
  return task.weekEnd !== null && task.weekEnd !== task.weekStart
    ? `${task.weekStart}–${task.weekEnd}`
    : String(task.weekStart)
}

function TaskFlags({ task }: { task: TaskRowData }) {
  return (
    <>
      {task.manual && (
        <Badge tone="info" title={task.manual.note ? `Manual: ${task.manual.note}` : 'Manual status'}>
          {`manual: ${task.manual.status}`}
        </Badge>
      )}
      {task.disagreement && (
        <Badge tone="warn" title="The manual status contradicts the git evidence">
          git disagrees
        </Badge>
      )}
      {task.overdue && <Badge tone="danger">overdue</Badge>}
      {task.claimedDone && task.state !== 'done' && (
        <Badge tone="muted" title="The plan says this is done; git does not show it">
          claimed
        </Badge>
      )}
    </>
  )
}

function TaskRow({ task, rowIndex, onOpen }: { task: TaskRowData; rowIndex: number; onOpen(key: string): void }) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="task-grid task-row"
      data-testid="task-row"
      data-task-key={task.key}
      data-state={task.state}
      data-manual={task.manual?.status ?? ''}
      data-disagreement={task.disagreement}
    >
      <div role="cell" className="task-key" data-col="item">
        {task.number !== null ? (
          task.key
        ) : (
          <span title={`Item ${task.order + 1} of the plan (the plan does not number it)`}>#{task.order + 1}</span>
        )}
      </div>
      <div role="cell" className="task-title" data-col="title">
        <button type="button" className="link-button" onClick={() => onOpen(task.key)} title={task.title}>
          {task.title}
        </button>
        {task.manual?.note && (
          <span className="task-note" data-testid="task-note" title={task.manual.note}>
            {task.manual.note}
          </span>
        )}
      </div>
      <div role="cell" data-col="weeks">
        {weeksText(task)}
      </div>
      <div role="cell" className="num" data-col="estimate">
        {formatHours(task.estimateHours)}
      </div>
      <div role="cell" className="task-state" data-col="state">
        <StateBadge state={task.state} />
        <TaskFlags task={task} />
      </div>
      <div role="cell" data-col="done">
        {task.doneAt ? formatDate(task.doneAt) : ''}
      </div>
    </div>
  )
}

type Column = (typeof COLUMNS)[number]

function ariaSort(column: Column, sort: TaskSort): 'ascending' | 'descending' | undefined {
  if (!column.key || sort.by !== column.key) return undefined
  return sort.direction === 'asc' ? 'ascending' : 'descending'
}

function sortArrow(column: Column, sort: TaskSort): string {
  if (sort.by !== column.key) return ''
  return sort.direction === 'asc' ? ' ▲' : ' ▼'
}

function ColumnHeader({ column, sort, onSort }: { column: Column; sort: TaskSort; onSort(key: SortKey): void }) {
  return (
    <div role="columnheader" className={column.className} data-col={column.col} aria-sort={ariaSort(column, sort)}>
      {column.key ? (
        <button type="button" className="sort-button" onClick={() => onSort(column.key!)}>
          {column.label}
          <span aria-hidden="true">{sortArrow(column, sort)}</span>
        </button>
      ) : (
        column.label
      )}
    </div>
  )
}

/** The header row: a sort button per column; the same column again flips the direction. */
function TaskTableHeader() {
  const sort = useStore((s) => s.taskSort)
  const setTaskSort = useStore((s) => s.setTaskSort)
  const toggleSort = (key: SortKey) =>
    setTaskSort({ by: key, direction: sort.by === key && sort.direction === 'asc' ? 'desc' : 'asc' })
  return (
    <div role="rowgroup">
      <div role="row" aria-rowindex={1} className="task-grid task-header">
        {COLUMNS.map((column) => (
          <ColumnHeader key={column.label} column={column} sort={sort} onSort={toggleSort} />
        ))}
      </div>
    </div>
  )
}

function PhaseRow({ item, rowIndex }: { item: Extract<TableItem, { kind: 'phase' }>; rowIndex: number }) {
  return (
    <div role="row" aria-rowindex={rowIndex} className="phase-row" data-testid="phase-row">
      <div role="rowheader" aria-colspan={COLUMNS.length}>
        {item.phase}{' '}
        <span className="muted small">
          · {plural(item.count, 'item')} · {formatHours(item.hours)}
        </span>
      </div>
    </div>
  )
}

/** The scrolling body: only the rows in view (plus some overscan) are rendered, each placed at its offset. */
function TaskRows({ items }: { items: TableItem[] }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  return (
    <div role="rowgroup" ref={scrollRef} className="task-scroll" data-testid="task-scroll">
      {items.length === 0 && <p className="muted empty-rows">No tasks match these filters.</p>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtualRow) => {
          const item = items[virtualRow.index]
          return (
            <div
              key={virtualRow.key}
              className="virtual-row"
              style={{ height: virtualRow.size, transform: `translateY(${virtualRow.start}px)` }}
            >
              {item.kind === 'phase' ? (
                <PhaseRow item={item} rowIndex={virtualRow.index + 2} />
              ) : (
                <TaskRow task={item.task} rowIndex={virtualRow.index + 2} onOpen={openTask} />
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** Tasks grouped by phase; only the rows in view are in the DOM, so thousands of tasks scroll smoothly. */
export function TaskTable({ items, total }: { items: TableItem[]; total: number }) {
  return (
    <div
      role="table"
      aria-label="Tasks"
      aria-rowcount={items.length + 1}
      className="task-table"
      data-testid="task-table"
      data-total={total}
    >
      <TaskTableHeader />
      <TaskRows items={items} />
    </div>
  )
}
