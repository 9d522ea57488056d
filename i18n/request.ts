import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { isLocale, routing } from "./routing";
import { MESSAGES } from "./messages";

export default getRequestConfig(async ({ requestLocale }) => {
  let locale = await requestLocale;
  if (!isLocale(locale)) {
    const fromProxy = (await headers()).get("x-locale");
    locale = isLocale(fromProxy) ? fromProxy : routing.defaultLocale;
  }
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: "Europe/Amsterdam",
  };
});
