// A form's error beside the field it is about; the field points at it with aria-describedby.
export function FieldError({
  id,
  message,
  className = "",
}: {
  id: string;
  message: string | null | undefined;
  className?: string;
}) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={`text-xs text-red-700 dark:text-red-300 ${className}`}>
      {message}
    </p>
  );
}
