import type { CSSProperties, ReactNode } from 'react';

/** A state as colour, icon and word together: readable at a glance, and without colour vision. */
export function StateChip({ color, icon, text, dashed, pulse }: { color: string; icon: ReactNode; text: string; dashed?: boolean; pulse?: boolean }) {
  const className = ['state-chip', dashed && 'state-chip-dashed', pulse && 'state-chip-pulse'].filter(Boolean).join(' ');
  return (
    <span className={className} style={{ '--chip': color } as CSSProperties}>
      {icon}
      <span>{text}</span>
    </span>
  );
}
