import { createTextVNode, defineComponent, h, renderSlot, type PropType, type Slots } from 'vue'

/** The part of a `DataTableColumn` a row needs. */
export interface DataTableRowColumn<Row> {
  key: string
  value: (row: Row) => unknown
}

function cellText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value)
}

/**
 * One `<tr>` of a `DataTable`, as its own component so a table re-render (a notice, a busy flag, one row added
 * or removed) does not re-render the rows whose props did not change. What a row shows comes from the table's
 * `#<key>-cell` slots, rendered here: their reactive reads are tracked per row, so a change re-renders only the
 * rows that read it. `tick` forces an update on every table render (when the slots may close over values that
 * are not reactive).
 */
export default defineComponent({
  name: 'DataTableRow',
  props: {
    row: { type: null as unknown as PropType<unknown>, required: true },
    // `never`: a column of any row type fits; the row given is the one the column was made for.
    columns: { type: Array as PropType<ReadonlyArray<DataTableRowColumn<never>>>, required: true },
    slots: { type: Object as PropType<Slots>, required: true },
    tick: { type: null as unknown as PropType<object | undefined>, required: false },
  },
  setup(props) {
    return () => {
      const row = props.row
      return h(
        'tr',
        { class: 'vnw-data-table__row' },
        props.columns.map((column) => {
          const value = (column as DataTableRowColumn<unknown>).value(row)
          return h('td', { key: column.key, class: ['vnw-data-table__cell', `vnw-data-table__cell--${column.key}`] }, [
            renderSlot(props.slots, `${column.key}-cell`, { row, value }, () => [createTextVNode(cellText(value))]),
          ])
        }),
      )
    }
  },
})
