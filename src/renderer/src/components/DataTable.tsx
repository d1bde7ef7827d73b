import type { HTMLAttributes, ReactNode } from 'react'

export interface Column<Row> {
  header: ReactNode
  cell(row: Row, index: number): ReactNode
  /** the cell that names the row (a row header for screen readers) */
  rowHeader?: boolean
  /** right-aligned figures */
  numeric?: boolean
  className?: string
  /** set as the cells' data-col (tests and styles find a column by it) */
  id?: string
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | boolean | undefined }

interface DataTableProps<Row> {
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey(row: Row, index: number): string | number
  /** the table's accessible name: `label` as aria-label, or `caption` as a caption only screen readers show */
  label?: string
  caption?: ReactNode
  /** extra attributes of a row (test ids, data-*) */
  rowProps?(row: Row, index: number): RowAttributes
  /** 'compact', 'timeline' … */
  className?: string
  testId?: string
  /** wrapped in a horizontally scrolling box on narrow windows */
  scroll?: boolean
}

function cellClass<Row>(column: Column<Row>): string | undefined {
  return [column.numeric ? 'num' : null, column.className ?? null].filter(Boolean).join(' ') || undefined
}

function BodyRow<Row>({ row, index, columns, rowProps }: { row: Row; index: number; columns: readonly Column<Row>[]; rowProps?: DataTableProps<Row>['rowProps'] }) {
  return (
    <tr {...rowProps?.(row, index)}>
      {columns.map((column, columnIndex) =>
        column.rowHeader ? (
          <th key={columnIndex} scope="row" className={cellClass(column)} data-col={column.id}>
            {column.cell(row, index)}
          </th>
        ) : (
          <td key={columnIndex} className={cellClass(column)} data-col={column.id}>
            {column.cell(row, index)}
          </td>
        ),
      )}
    </tr>
  )
}

/** The app's tables: column headers, a header cell per row, figures right-aligned; one place for their markup. */
export function DataTable<Row>({ columns, rows, rowKey, label, caption, rowProps, className, testId, scroll = false }: DataTableProps<Row>) {
  const table = (
    <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label} data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={cellClass(column)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <BodyRow key={rowKey(row, index)} row={row} index={index} columns={columns} rowProps={rowProps} />
        ))}
      </tbody>
    </table>
  )
  return scroll ? <div className="table-scroll">{table}</div> : table
}
