/** Helpers for the dispute journeys (docs/decisions/0035): a car held by one owner and claimed by another. */
import { expect as baseExpect, type Browser, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "./support";
import { PASSWORD, login, makeVin, newOwner, submitRequest } from "./verification-support";

const expect = baseExpect.configure({ timeout: 20_000 });

/** Support takes the request and approves it on the facts of `name`; ticks the owner-change box when asked. */
export async function approve(support: Page, requestId: string, name: string, confirmOwnerChange: boolean) {
  await support.goto(`/nl/console/verifications/${requestId}`);
  await support.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  await expect(support.getByTestId("request-status")).toHaveText("In behandeling");
  await support.getByLabel("Volledige naam").fill(name);
  await support.getByLabel("Geboortedatum").fill("1988-03-14");
  await support.getByLabel("Geboorteplaats").fill("Haarlem");
  await support.getByLabel("Adres", { exact: true }).fill("Kerkstraat 1, 2011 AB Haarlem");
  await support.getByLabel("Documenten geldig tot").fill(`${new Date().getFullYear() + 6}-01-31`);
  await support.getByLabel("Merk").fill("Porsche");
  await support.getByLabel("Model", { exact: true }).fill("Taycan");
  await support.getByLabel("Modeljaar").fill("2024");
  await support.getByLabel("Eigenaar op het kentekenbewijs", { exact: true }).fill(name);
  await support.getByLabel("Adres van de eigenaar op het kentekenbewijs").fill("Kerkstraat 1, 2011 AB Haarlem");
  if (confirmOwnerChange) await support.getByLabel("Het kentekenbewijs staat op naam van de aanvrager: vraag de huidige eigenaar de auto vrij te geven.").check();
  await support.getByRole("button", { name: "Goedkeuren en auto koppelen" }).click();
  await expect(support.getByTestId("notice")).toContainText("Goedgekeurd");
}

/** A holder with a car (self-registered, approved), and a newcomer whose claim on it support approved: an open dispute. */
export async function disputedCar(browser: Browser) {
  const support = await (await browser.newContext()).newPage();
  await login(support, "support@demo.autodossier.test");

  const holderEmail = await newOwner(browser, "nl");
  const holder = await (await browser.newContext()).newPage();
  await login(holder, holderEmail, PASSWORD);
  const vin = makeVin();
  await approve(support, await submitRequest(holder, { locale: "nl", vin }), "Eva Jansen", false);
  await holder.goto("/nl/garage");
  await expect(holder.getByTestId("garage-vehicle").filter({ hasText: vin })).toBeVisible();

  const newcomerEmail = await newOwner(browser, "nl");
  const newcomer = await (await browser.newContext()).newPage();
  await login(newcomer, newcomerEmail, PASSWORD);
  const requestId = await submitRequest(newcomer, { locale: "nl", vin });
  await approve(support, requestId, "Eva Jansen", true);
  await expect(support.getByTestId("notice")).toContainText("we hebben gevraagd hem vrij te geven");

  // The newcomer: claimed by another owner, asked; nothing more.
  await newcomer.goto(`/nl/garage/verifications/${requestId}`);
  await expect(newcomer.getByTestId("dispute-state")).toContainText("De auto wordt geclaimd door een andere eigenaar; we hebben het hem of haar gevraagd.");
  await expect(newcomer.locator("main")).not.toContainText(holderEmail);
  const pending = await waitForMail(newcomerEmail, (m) => m.subject.includes("geclaimd door een andere eigenaar"));
  expect(pending.text).not.toContain(holderEmail);

  // The holder: an e-mail with two buttons, a notice in the garage.
  const asked = await waitForMail(holderEmail, (m) => m.subject.includes("Iemand claimt je"));
  expect(asked.text).toContain("Ik heb hem verkocht, geef de auto vrij");
  expect(asked.text).toContain("Dit is nog steeds mijn auto");
  expect(asked.text).not.toContain(newcomerEmail);
  const releaseUrl = linkIn(asked, /http:\/\/localhost:\d+\/nl\/garage\/disputes\/\w+\?answer=release/);
  const contestUrl = linkIn(asked, /http:\/\/localhost:\d+\/nl\/garage\/disputes\/\w+\?answer=contest/);
  await holder.goto("/nl/garage");
  await expect(holder.getByTestId("dispute-notice")).toContainText("Iemand claimt een van je auto's");
  return { support, holder, holderEmail, newcomer, newcomerEmail, vin, requestId, releaseUrl, contestUrl };
}

