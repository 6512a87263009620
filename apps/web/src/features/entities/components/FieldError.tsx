/** A field's problem, right under its input (the input points here with aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div id={id} className="fw-field-error" role="alert" data-testid="field-error">
      {message}
    </div>
  );
}
