// Sign in with email and password.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form.tsx";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/get-auth.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next = "/" } = await searchParams;
  return (
    <div className="mx-auto max-w-sm px-5 py-14">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in</h1>
      <AuthForm mode="sign-in" next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <p className="mt-6 text-sm text-muted">
        New here?{" "}
        <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="text-accent underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
