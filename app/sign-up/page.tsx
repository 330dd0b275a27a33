// Create an account with email and password.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form.tsx";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/get-auth.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next = "/" } = await searchParams;
  return (
    <div className="mx-auto max-w-sm px-5 py-14">
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Create an account</h1>
      <p className="mb-6 text-sm text-muted">The first account on a new installation owns the example workspace.</p>
      <AuthForm mode="sign-up" next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <p className="mt-6 text-sm text-muted">
        Have an account?{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="text-accent underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
