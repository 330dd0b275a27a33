// A form's error, said in words and announced to screen readers.

/** Shows `message` as an alert, or nothing when there is none. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-[var(--contradicted)] px-3 py-2 text-sm text-[var(--contradicted)]">
      {message}
    </p>
  );
}
