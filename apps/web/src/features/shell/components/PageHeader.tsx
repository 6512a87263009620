import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

interface PageHeaderProps {
  title: string;
  /** Actions shown beside the title, e.g. a "New" button. */
  extra?: ReactNode;
}

/** The page's h1, also used as the document title. */
export function PageHeader({ title, extra }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <div className="fw-page-header">
      <Typography.Title level={1} className="fw-page-title">
        {title}
      </Typography.Title>
      {extra && <div className="fw-page-actions">{extra}</div>}
    </div>
  );
}
