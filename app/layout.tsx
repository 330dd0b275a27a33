// The root layout: document shell, global styles and the app's header.
import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Attest", template: "%s · Attest" },
  description: "Check where the claims of a briefing come from.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await getRequestActor();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-panel focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="border-b border-rule bg-panel">
          <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-6 px-5">
            <Link href="/" className="font-semibold tracking-tight text-ink">
              Attest
            </Link>
            <div className="ml-auto flex items-center gap-4 text-sm">
              {actor.kind === "user" ? (
                <>
                  <form role="search" action="/search">
                    <label htmlFor="header-search" className="sr-only">
                      Search all dossiers
                    </label>
                    <input
                      id="header-search"
                      name="q"
                      type="search"
                      maxLength={200}
                      placeholder="Search"
                      className="w-44 rounded-md border border-rule bg-bg px-2 py-1 text-sm"
                    />
                  </form>
                  <Link href="/settings/tokens" className="text-muted hover:underline">
                    API tokens
                  </Link>
                  <span className="text-muted">{actor.name}</span>
                  <SignOutButton />
                </>
              ) : (
                <Link href="/sign-in" className="text-muted hover:underline">
                  Sign in
                </Link>
              )}
            </div>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
