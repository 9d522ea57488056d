import "server-only";
import type { ComponentType, ReactElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/i18n/pick";

/**
 * A client component behind its own message provider that holds only the namespaces it uses, so
 * a page sends the browser the texts of the forms it shows and nothing else (decision 0039). The
 * lists are written next to each component (components/<feature>/<name>.tsx wraps
 * <name>.client.tsx); tests/unit/client-messages.test.ts checks them against the sources.
 * React's payload writes a namespace object once however many forms of a page share it.
 */
export function withMessages<P extends object>(Component: ComponentType<P>, namespaces: readonly string[]): ComponentType<P> {
  if (namespaces.length === 0) return Component;
  async function WithMessages(props: P): Promise<ReactElement> {
    const messages = await getMessages();
    return (
      <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>
        <Component {...props} />
      </NextIntlClientProvider>
    );
  }
  WithMessages.displayName = `WithMessages(${Component.displayName ?? Component.name})`;
  return WithMessages as unknown as ComponentType<P>;
}
