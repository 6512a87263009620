interface CellMessagesProps {
  id?: string;
  errors?: readonly string[];
  warnings?: readonly string[];
  testId?: string;
}

/** The problems of one cell, column or row, in words under it. */
export function CellMessages({ id, errors = [], warnings = [], testId }: CellMessagesProps) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div id={id} data-testid={testId}>
      {errors.map((message) => (
        <div key={message} className="fw-cell-message">
          {message}
        </div>
      ))}
      {warnings.map((message) => (
        <div key={message} className="fw-cell-message fw-warning">
          {message}
        </div>
      ))}
    </div>
  );
}
