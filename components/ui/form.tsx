"use client";

// A form the page sends itself: the browser's own submission is stopped and the handler gets the form.
// Its fields are disabled until the page's scripts run: a choice made before then would be undone when
// they take over, and a submission would go to the browser instead of the handler.
import { useHydrated } from "@/components/use-hydrated";

type Props = Omit<React.FormHTMLAttributes<HTMLFormElement>, "onSubmit"> & {
  onSubmit: (form: HTMLFormElement, event: React.FormEvent<HTMLFormElement>) => unknown;
};

export function Form({ onSubmit, children, ...props }: Props) {
  const isHydrated = useHydrated();
  return (
    <form
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(e.currentTarget, e);
      }}
    >
      <fieldset disabled={!isHydrated} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
