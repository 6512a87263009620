import { Card, Empty, Typography } from 'antd';
import { PageHeader } from './PageHeader';

interface PlaceholderPageProps {
  title: string;
  /** What will live on this page. */
  description: string;
  hint: string;
  testId: string;
}

/** A real route whose feature is still to come: says what it will hold. */
export function PlaceholderPage({ title, description, hint, testId }: PlaceholderPageProps) {
  return (
    <section data-testid={testId}>
      <PageHeader title={title} />
      <Card>
        <Empty
          description={
            <>
              <Typography.Paragraph className="fw-empty-text">{description}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
            </>
          }
        />
      </Card>
    </section>
  );
}
