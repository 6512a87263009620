import type { App } from '@formwork/definitions';
import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';

/** One card per app; the whole card opens the app. */
export function AppCards({ apps }: { apps: App[] }) {
  return (
    <ul className="fw-card-grid" data-testid="apps-list">
      {apps.map((app) => (
        <li key={app.key}>
          <Link
            to={`/apps/${app.key}`}
            className="fw-card-link"
            data-testid={`app-card-${app.key}`}
          >
            <Card hoverable className="fw-card">
              <Typography.Title level={2} className="fw-card-title">
                {app.name}
              </Typography.Title>
              <Tag className="fw-key-tag">{app.key}</Tag>
              {app.description && (
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 2 }}
                  className="fw-card-text"
                >
                  {app.description}
                </Typography.Paragraph>
              )}
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}
