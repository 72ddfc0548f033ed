import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The strip at the top of every page: its title, then the page's own filters and actions. */
export function PageToolbar({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="page-toolbar">
      {title && (
        <Typography.Title level={5} className="page-title">
          {title}
        </Typography.Title>
      )}
      {children}
    </div>
  );
}
