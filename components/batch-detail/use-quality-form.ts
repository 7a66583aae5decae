"use client";

// A form on the quality measurements (QualityFields), checked with the API's own schema before it is
// sent: a refusal's errors about fields show beside them, anything else is toasted (showRefusal).
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";

import { showRefusal } from "@/components/field-errors";
import type { Attempt } from "@/lib/endpoints/client";

export function useQualityForm<S extends z.ZodObject, R>(
  schema: S,
  defaultValues: DefaultValues<z.input<S> & FieldValues>,
  send: (values: z.output<S>, form: HTMLFormElement) => Promise<Attempt<R>>,
  /** The answer: the form element, and `reset` to empty its fields again. */
  done: (data: R, form: HTMLFormElement, reset: () => void) => void,
) {
  type Input = z.input<S> & FieldValues;
  type Output = z.output<S>;
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema) as unknown as Resolver<Input, unknown, Output>,
    defaultValues,
  });
  const onSubmit = form.handleSubmit(async (values, event) => {
    const element = event?.target as HTMLFormElement;
    const r = await send(values, element);
    if (r.ok) done(r.data, element, () => form.reset());
    else showRefusal((name, e) => form.setError(name as Path<Input>, e), schema.shape, element, r.error);
  });
  return { form, onSubmit };
}
