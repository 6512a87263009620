import { Breadcrumb } from 'antd';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  /** Absent for the current page. */
  to?: string;
}

/** Where the page sits: Apps › app › entity › page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <Breadcrumb
      className="fw-breadcrumbs"
      items={items.map((item) => ({
        key: item.to ?? item.title,
        title: item.to ? <Link to={item.to}>{item.title}</Link> : item.title,
      }))}
    />
  );
}
