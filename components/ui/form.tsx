// A form the page sends itself: the browser's own submission is stopped and the handler gets the form.
type Props = Omit<React.FormHTMLAttributes<HTMLFormElement>, "onSubmit"> & {
  onSubmit: (form: HTMLFormElement, event: React.FormEvent<HTMLFormElement>) => unknown;
};

export function Form({ onSubmit, ...props }: Props) {
  return (
    <form
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(e.currentTarget, e);
      }}
    />
  );
}
