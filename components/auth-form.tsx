"use client";
// The sign-in and sign-up forms: email and password, errors said in words, then on to `next`.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "./form-error.tsx";

interface Props {
  mode: "sign-in" | "sign-up";
  /** Where to go once signed in (a path on this site). */
  next: string;
  minPasswordLength: number;
}

const field = "w-full rounded-md border border-rule bg-panel px-3 py-2 text-ink focus:border-accent";

/** Posts to the auth endpoints and moves on, or shows what went wrong. */
export function AuthForm({ mode, next, minPasswordLength }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const body =
      mode === "sign-up"
        ? { name: String(form.get("name") ?? "").trim(), email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") }
        : { email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") };
    try {
      const response = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { message?: string } | null;
        setError(problem?.message ?? (mode === "sign-in" ? "Those details did not work." : "The account could not be created."));
        return;
      }
      router.push(next.startsWith("/") && !next.startsWith("//") ? next : "/");
      router.refresh();
    } catch {
      setError("The server could not be reached; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {mode === "sign-up" ? (
        <div>
          <label htmlFor="name" className="mb-1 block text-sm font-medium">
            Name
          </label>
          <input id="name" name="name" required maxLength={120} autoComplete="name" className={field} />
        </div>
      ) : null}
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">
          Email
        </label>
        <input id="email" name="email" type="email" required maxLength={254} autoComplete="email" className={field} />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={mode === "sign-up" ? minPasswordLength : undefined}
          maxLength={256}
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          className={field}
        />
        {mode === "sign-up" ? <p className="mt-1 text-sm text-muted">At least {minPasswordLength} characters.</p> : null}
      </div>
      <FormError message={error} />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-accent px-4 py-2 font-medium text-white disabled:opacity-60 dark:text-black">
        {pending ? "One moment…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </button>
    </form>
  );
}
