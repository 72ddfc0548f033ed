import { memo, useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { scrollFor, visibleRange } from './row-window';

export type Column<T> = {
  key: string;
  title: ReactNode;
  /** Pixels; a `grow` column takes what is left over as well. */
  width: number;
  grow?: boolean;
  align?: 'left' | 'right' | 'center';
  render(row: T): ReactNode;
};

export type RowsHandle = { scrollTo(index: number): void };

export const ROW_HEIGHT = 28;

export type RowAttributes = HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | undefined>;

type RowProps<T> = {
  row: T;
  index: number;
  columns: readonly Column<T>[];
  className: string;
  /** Stable across renders, or every row redraws on every update. */
  attributesOf(row: T): RowAttributes;
};

/** One row; an update elsewhere in the list leaves it alone unless its own alarm changed. */
const Row = memo(function Row<T>({ row, index, columns, className, attributesOf }: RowProps<T>) {
  return (
    <div role="row" aria-rowindex={index + 2} className={`vrow ${className}`} style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }} {...attributesOf(row)}>
      {columns.map((column) => (
        <div role="gridcell" key={column.key} className={`vcell${column.align ? ` ${column.align}` : ''}`}>
          {column.render(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

type Props<T> = {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  rowClassName(row: T): string;
  /** Stable across renders (a module function), so that unchanged rows are not redrawn. */
  rowAttributes(row: T): RowAttributes;
  empty: ReactNode;
  handle?: Ref<RowsHandle>;
  label?: string;
};

/**
 * A list of fixed-height rows under a sticky header, drawing only the rows
 * in view. Fixed heights make every position arithmetic, so a list of
 * 100 000 costs what its thirty visible rows cost, whatever changes.
 */
export function VirtualRows<T>({ rows, columns, rowKey, rowClassName, rowAttributes, empty, handle, label }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });

  useEffect(() => {
    const element = box.current!;
    const observer = new ResizeObserver(() => setView({ top: element.scrollTop, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useImperativeHandle(handle, () => ({
    scrollTo(index: number) {
      const element = box.current;
      // The sticky header covers the first row's height of the viewport.
      if (element) element.scrollTop = scrollFor(index, ROW_HEIGHT, element.scrollTop, element.clientHeight - ROW_HEIGHT);
    },
  }));

  const template: CSSProperties = {
    gridTemplateColumns: columns.map((column) => (column.grow ? `minmax(${column.width}px, 1fr)` : `${column.width}px`)).join(' '),
    minWidth: columns.reduce((sum, column) => sum + column.width, 0),
  };
  const [first, last] = visibleRange(rows.length, ROW_HEIGHT, view.top, view.height);
  const shown: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rows[index]!;
    shown.push(<Row key={rowKey(row)} row={row} index={index} columns={columns} className={rowClassName(row)} attributesOf={rowAttributes} />);
  }

  return (
    <div
      ref={box}
      className="vlist"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      style={{ '--vgrid': template.gridTemplateColumns } as CSSProperties}
      onScroll={(event) => setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
    >
      <div role="row" aria-rowindex={1} className="vhead" style={template}>
        {columns.map((column) => (
          <div role="columnheader" key={column.key} className={`vcell${column.align ? ` ${column.align}` : ''}`}>
            {column.title}
          </div>
        ))}
      </div>
      <div className="vbody" style={{ height: rows.length * ROW_HEIGHT, minWidth: template.minWidth }}>
        {shown}
      </div>
      {rows.length === 0 && <div className="vempty">{empty}</div>}
    </div>
  );
}
