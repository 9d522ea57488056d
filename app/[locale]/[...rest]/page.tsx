import { notFound } from "next/navigation";

/**
 * Every path under a language that no page serves (/en/doesnotexist): without this catch-all,
 * Next.js answers with its root 404, outside the language's layout. notFound() here shows the
 * branded page of ../not-found.tsx, in that language.
 */
export default function UnknownPage(): never {
  notFound();
}
