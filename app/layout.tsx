/**
 * The root layout only passes its children on: the document (<html lang>) is made per language in
 * [locale]/layout.tsx. It exists because app/not-found.tsx, the page for paths outside every
 * language, needs a layout above it; that page makes its own document.
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
