import { defineComponent, h, type Slots } from 'vue'
import type { DataTableColumn } from './list-shell'

/** Props of `DataTableRow`. */
export interface DataTableRowProps {
  /** The row's record (an item of the list's rows). */
  row: unknown
  /** The columns (`never`: a column of any row type fits; the row given is the one the columns were made for). */
  columns: ReadonlyArray<DataTableColumn<never>>
  /** The host's slots: a cell renders `#<key>-cell`, else its value as text. */
  slots: Slots
  /** A new object on every table render forces the row to update (when the slots may read non-reactive values). */
  tick?: object
}

/**
 * One `<tr>` of the list's table, as its own component so a table re-render (a notice, a busy flag, one row added
 * or removed) does not re-render the rows whose props did not change. What a row shows comes from the host's
 * `#<key>-cell` slots, rendered here: their reactive reads are tracked per row, so a change re-renders only the
 * rows that read it.
 */
export default defineComponent(
  (props: DataTableRowProps) => () =>
    h(
      'tr',
      { class: 'vnw-data-table__row' },
      props.columns.map(({ key, value: read }) => {
        const row = props.row
        const value = (read as ((row: unknown) => unknown) | undefined)?.(row)
        // The slot is called directly rather than through `renderSlot`: no fragment (and its two anchor text nodes)
        // per cell. No slot: the value as text (nothing for null or undefined).
        return h('td', { key, class: `vnw-data-table__cell vnw-data-table__cell--${key}` }, props.slots[`${key}-cell`]?.({ row, value }) ?? String(value ?? ''))
      }),
    ),
  { props: ['row', 'columns', 'slots', 'tick'] },
)
