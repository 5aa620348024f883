// A virtualised table: only the visible rows are in the DOM, so 100,000 rows scroll as
// smoothly as 100. Columns are declared once; rows are addressed by position.

import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface TableColumn {
  id: string;
  title: string;
  width: number;
  /** Narrowest the column may get, in characters of its content (ids and dates are never cut). */
  minChars?: number;
  sortable?: boolean;
}

export interface VirtualTableProps {
  columns: TableColumn[];
  rowCount: number;
  renderCell: (row: number, column: string) => ReactNode;
  onRowClick?: (row: number) => void;
  sort?: { column: string; descending: boolean };
  onSort?: (column: string) => void;
  sortLabel?: (title: string) => string;
  rowHeight?: number;
  label: string;
  /** Told which rows (from, to-1) are rendered, for tables whose rows are fetched page by page. */
  onVisibleRange?: (from: number, to: number) => void;
}

export function VirtualTable({ columns, rowCount, renderCell, onRowClick, sort, onSort, sortLabel, rowHeight = 36, label, onVisibleRange }: VirtualTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index + 1 : 0;
  useEffect(() => {
    if (last > first) onVisibleRange?.(first, last);
  }, [first, last, onVisibleRange]);
  const template = columns.map((c) => (c.minChars ? `minmax(calc(${c.minChars}ch + 24px), ${c.width}fr)` : `${c.width}fr`)).join(' ');
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rowCount + 1}>
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => {
          const active = sort?.column === c.id;
          return (
            <div key={c.id} role="columnheader" aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : 'none'} className="vtable-th">
              {c.sortable && onSort ? (
                <button type="button" className="link-button" onClick={() => onSort(c.id)} title={sortLabel?.(c.title)}>
                  {c.title}
                  <span className="sort-mark">{active ? (sort!.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              ) : (
                c.title
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} className="vtable-body" data-testid="vtable-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className={`vtable-row${onRowClick ? ' clickable' : ''}${item.index % 2 ? ' odd' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: item.size, gridTemplateColumns: template }}
              onClick={onRowClick ? () => onRowClick(item.index) : undefined}
            >
              {columns.map((c) => (
                <div key={c.id} role="cell" className="vtable-td">
                  {renderCell(item.index, c.id)}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
