// Buttons, and links that look like them: one look per variant and size across every feature.
import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-1 rounded-md font-medium disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:opacity-50";
const variants: Record<ButtonVariant, string> = {
  primary: "bg-stone-900 text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-stone-300",
  secondary:
    "border border-stone-300 bg-white hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800",
  danger: "bg-red-700 text-white hover:bg-red-600 dark:bg-red-600 dark:hover:bg-red-500",
  ghost: "text-stone-600 underline-offset-2 hover:underline dark:text-stone-400",
};
const sizes: Record<ButtonSize, string> = { sm: "px-2 py-1 text-xs", md: "px-3 py-1.5 text-sm" };

/** The classes of a button, for a link or a label that must look like one. */
export const buttonClass = ({
  variant = "secondary",
  size = "md",
}: { variant?: ButtonVariant; size?: ButtonSize } = {}) => `${base} ${variants[variant]} ${sizes[size]}`;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  isPending?: boolean;
};

/** A pending button is disabled and busy; the caller says what it is doing in its label. */
export function Button({
  variant,
  size,
  isPending = false,
  disabled,
  className = "",
  type = "button",
  ...props
}: Props) {
  return (
    <button
      type={type}
      disabled={disabled || isPending}
      aria-busy={isPending}
      className={`${buttonClass({ variant, size })} ${className}`.trim()}
      {...props}
    />
  );
}
