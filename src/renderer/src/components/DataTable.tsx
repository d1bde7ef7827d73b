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

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & {
  [data: `data-${string}`]: string | number | boolean | undefined
}

/** the app's tables, or the status report's paper tables (report-print.css) */
type Variant = 'screen' | 'print'

const CLASSES: Record<Variant, { table: string; numeric: string }> = {
  screen: { table: 'data-table', numeric: 'num' },
  print: { table: 'rp-table', numeric: 'rp-num' },
}

interface DataTableProps<Row> {
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey(row: Row, index: number): string | number
  /** the table's accessible name: `label` as aria-label, or `caption` as a caption only screen readers show */
  label?: string
  caption?: ReactNode
  /** extra attributes of a row (test ids, data-*, class) */
  rowProps?(row: Row, index: number): RowAttributes
  /** a row that spans every column (a group heading): its content, or null for an ordinary row */
  fullWidth?(row: Row, index: number): ReactNode | null
  /** 'compact', 'timeline' … */
  className?: string
  testId?: string
  /** wrapped in a horizontally scrolling box on narrow windows */
  scroll?: boolean
  variant?: Variant
}

type BodyRowProps<Row> = Pick<DataTableProps<Row>, 'columns' | 'rowProps' | 'fullWidth'> & {
  row: Row
  index: number
  numericClass: string
}

function cellClass<Row>(column: Column<Row>, numericClass: string): string | undefined {
  return [column.numeric ? numericClass : null, column.className ?? null].filter(Boolean).join(' ') || undefined
}

function BodyRow<Row>({ row, index, columns, rowProps, fullWidth, numericClass }: BodyRowProps<Row>) {
  const spanning = fullWidth?.(row, index) ?? null
  if (spanning !== null) {
    return (
      <tr {...rowProps?.(row, index)}>
        <td colSpan={columns.length}>{spanning}</td>
      </tr>
    )
  }
  return (
    <tr {...rowProps?.(row, index)}>
      {columns.map((column, columnIndex) =>
        column.rowHeader ? (
          <th key={columnIndex} scope="row" className={cellClass(column, numericClass)} data-col={column.id}>
            {column.cell(row, index)}
          </th>
        ) : (
          <td key={columnIndex} className={cellClass(column, numericClass)} data-col={column.id}>
            {column.cell(row, index)}
          </td>
        ),
      )}
    </tr>
  )
}

/** Every table of the app and of the printed report: column headers, figures right-aligned; one place for their markup. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  label,
  caption,
  rowProps,
  fullWidth,
  className,
  testId,
  scroll = false,
  variant = 'screen',
}: DataTableProps<Row>) {
  const classes = CLASSES[variant]
  const table = (
    <table
      className={className ? `${classes.table} ${className}` : classes.table}
      aria-label={label}
      data-testid={testId}
    >
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={cellClass(column, classes.numeric)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <BodyRow
            key={rowKey(row, index)}
            row={row}
            index={index}
            columns={columns}
            rowProps={rowProps}
            fullWidth={fullWidth}
            numericClass={classes.numeric}
          />
        ))}
      </tbody>
    </table>
  )
  return scroll ? <div className="table-scroll">{table}</div> : table
}
