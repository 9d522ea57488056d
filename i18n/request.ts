import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { isLocale, routing, type AppLocale } from "./routing";
import { formats, TIME_ZONE } from "./formats";
import { messagesFor } from "./messages";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  let locale: AppLocale = routing.defaultLocale;
  if (isLocale(requested)) locale = requested;
  else {
    const fromProxy = (await headers()).get("x-locale");
    if (isLocale(fromProxy)) locale = fromProxy;
  }
  return { locale, messages: messagesFor(locale).messages, formats, timeZone: TIME_ZONE };
});
