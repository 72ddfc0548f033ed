import { Tooltip } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export type StateCount<K extends string> = { key: K; label: string; count: number; color: string; icon: ReactNode };

/** The states shown after a click on one: only it, or all again when it was the one shown. */
export function toggleState<K extends string>(active: readonly K[], key: K): K[] {
  return active.includes(key) ? active.filter((item) => item !== key) : [key];
}

/**
 * Counts per state that double as filters: one click shows only that state,
 * another shows all again. States with nothing in them stay, dimmed, so the
 * bar does not jump about as the site changes.
 */
export function StateFilterBar<K extends string>({ items, active, onToggle, hint, testId }: { items: StateCount<K>[]; active: readonly K[]; onToggle(key: K): void; hint: string; testId: string }) {
  return (
    <Tooltip title={hint} placement="bottom" mouseEnterDelay={0.8}>
      <div className="state-filter-bar" data-testid={testId}>
        {items.map((item) => (
          <button
            type="button"
            key={item.key}
            className={['state-filter', active.includes(item.key) && 'active', item.count === 0 && 'empty'].filter(Boolean).join(' ')}
            style={{ '--chip': item.color } as CSSProperties}
            aria-pressed={active.includes(item.key)}
            onClick={() => onToggle(item.key)}
            data-state={item.key}
          >
            {item.icon}
            <span>{item.label}</span>
            <span className="state-filter-count mono" data-testid={`${testId}-${item.key}`}>
              {item.count}
            </span>
          </button>
        ))}
      </div>
    </Tooltip>
  );
}
