// A form field: its label above the control, then its error, which the control points at with
// aria-describedby. Every form's labelled inputs, selects and text areas are built from it.
import { FieldError } from "./field-error";

export const labelStyle = "text-xs font-medium text-stone-600 dark:text-stone-400";
export const field =
  "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

type FieldProps = {
  /** The control's id, which the label names. */
  id: string;
  label: React.ReactNode;
  /** Said below the control while set; its element's id is `errorId` (<id>-error unless given). */
  error?: string | null;
  errorId?: string;
  /** A line below the error, about the value chosen. */
  hint?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
};

export function Field({ id, label, error, errorId = `${id}-error`, hint, className = "", children }: FieldProps) {
  return (
    <div className={`flex flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      {children}
      <FieldError id={errorId} message={error} />
      {hint}
    </div>
  );
}

/** The control's side of its error: marked invalid and described by it while there is one. */
export const invalidBy = (errorId: string, error: string | null | undefined) =>
  error ? { "aria-invalid": true as const, "aria-describedby": errorId } : {};

export const imageTypes = "image/jpeg,image/png,image/webp";

/** Files picked to send with a form (several at once). */
export function FilesField({ id, name, label, accept }: { id: string; name: string; label: string; accept: string }) {
  return (
    <Field id={id} label={label}>
      <input id={id} name={name} type="file" multiple accept={accept} className="text-sm" />
    </Field>
  );
}

type ControlProps = {
  id?: string;
  name: string;
  label: React.ReactNode;
  error?: string | null;
  errorId?: string;
  /** Classes for the field around the control (its width in a row of fields). */
  fieldClassName?: string;
};
type InputProps = ControlProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name">;
type TextAreaProps = ControlProps & { id: string } & Omit<
    React.TextareaHTMLAttributes<HTMLTextAreaElement>,
    "id" | "name"
  >;

/** What the control element gets: its own props, less the Field's. */
type Control<P> = Omit<P, keyof ControlProps> & { id: string; name: string };

/** A control in its Field: its id, name, look and error state set, the rest of its props passed on. */
function labelled<P extends ControlProps & { className?: string }>(
  { id, name, label, error, errorId, fieldClassName, className = "", ...props }: P & { id: string },
  render: (control: Control<P>) => React.ReactNode,
) {
  const describedBy = errorId ?? `${id}-error`;
  const control = { id, name, className: `${field} ${className}`.trim(), ...invalidBy(describedBy, error), ...props };
  return (
    <Field id={id} label={label} error={error} errorId={describedBy} className={fieldClassName}>
      {render(control as Control<P>)}
    </Field>
  );
}

/** A labelled text input; its id defaults to filter-<name>, as a GET filter form's fields are named. */
export function TextField({ id, ...props }: InputProps) {
  return labelled({ id: id ?? `filter-${props.name}`, ...props }, (control) => <input {...control} />);
}

/** A labelled text area, its error below it. */
export function TextArea(props: TextAreaProps) {
  return labelled(props, (control) => <textarea {...control} />);
}

/** A checkbox with its label beside it. */
export function Checkbox({
  label,
  ...props
}: { label: React.ReactNode } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" {...props} />
      {label}
    </label>
  );
}
