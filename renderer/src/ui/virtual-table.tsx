// A virtualised table: only the visible rows are in the DOM, so 100,000 rows scroll as
// smoothly as 100. Columns are declared once; rows are addressed by position.

import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  /** Accessible names of the buttons that move between windows of a very long table. */
  windowLabels?: { previous: string; next: string };
  /** Rows rendered beyond each edge of the view: more scroll without a blank row, fewer re-render faster. */
  overscan?: number;
}

/**
 * Rows per scroll window. A browser cannot make an element taller than about 33 million
 * pixels (Chromium) or 17 million (Firefox): a million 36 px rows would not scroll to their
 * end. Longer tables show their rows in windows of at most 8 million pixels, with buttons
 * between windows.
 */
export const windowRows = (rowHeight: number) => Math.floor(8_000_000 / rowHeight);

/** How many text columns (ch) a string takes: a CJK character is two. For column floors. */
export const textColumns = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** The header row's height in pixels (styles.css .vtable-th: 38 px and a 1 px border). */
const HEAD_HEIGHT = 39;

/** How narrow a column may get: its content's width for ids and dates, else 48 px. */
const floorOf = (c: TableColumn): string => (c.minChars ? `${c.minChars}ch + 24px` : '48px');

export function VirtualTable({ columns, rowCount, renderCell, onRowClick, sort, onSort, sortLabel, rowHeight = 36, label, onVisibleRange, windowLabels = { previous: '‹', next: '›' }, overscan = 6 }: VirtualTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const perWindow = windowRows(rowHeight);
  const [windowStart, setWindowStart] = useState(0);
  const start = rowCount > perWindow ? Math.min(windowStart, Math.floor((rowCount - 1) / perWindow) * perWindow) : 0;
  const shownCount = Math.min(perWindow, rowCount - start);
  const moveWindow = (to: number, atEnd: boolean) => {
    setWindowStart(to);
    requestAnimationFrame(() => {
      if (scrollRef.current) scrollRef.current.scrollTop = atEnd ? scrollRef.current.scrollHeight : 0;
    });
  };
  // The header sits in the scroll box above the rows (sticky), so that it scrolls sideways with them.
  const virtualizer = useVirtualizer({ count: shownCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan, scrollMargin: HEAD_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? start + items[0].index : 0;
  const last = items.length ? start + items[items.length - 1].index + 1 : 0;
  useEffect(() => {
    if (last > first) onVisibleRange?.(first, last);
  }, [first, last, onVisibleRange]);
  const template = columns.map((c) => `minmax(calc(${floorOf(c)}), ${c.width}fr)`).join(' ');
  // Narrower than every column's floor, the table scrolls sideways instead of cutting columns off.
  const minWidth = `calc(${columns.map(floorOf).join(' + ')})`;
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rowCount + 1}>
      {rowCount > perWindow && (
        <div className="vtable-window" data-testid="vtable-window">
          <button type="button" className="secondary" disabled={start === 0} aria-label={windowLabels.previous} onClick={() => moveWindow(Math.max(0, start - perWindow), true)}>
            ‹
          </button>
          <span className="mono">
            {(start + 1).toLocaleString()}–{(start + shownCount).toLocaleString()} / {rowCount.toLocaleString()}
          </span>
          <button type="button" className="secondary" disabled={start + shownCount >= rowCount} aria-label={windowLabels.next} onClick={() => moveWindow(start + perWindow, false)}>
            ›
          </button>
        </div>
      )}
      <div ref={scrollRef} className="vtable-body" data-testid="vtable-body">
        <div className="vtable-inner" style={{ minWidth }}>
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
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = start + item.index;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={row + 2}
                  className={`vtable-row${onRowClick ? ' clickable' : ''}${row % 2 ? ' odd' : ''}`}
                  style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: item.size, gridTemplateColumns: template }}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {columns.map((c) => (
                    <div key={c.id} role="cell" className="vtable-td">
                      {renderCell(row, c.id)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
