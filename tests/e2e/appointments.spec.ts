/**
 * Appointment requests at a chosen dealer (issue 13, point 4): the owner asks the dealer for an
 * appointment at two preferred times; the dealer sees it on the console's work list, confirms one;
 * the owner sees it confirmed, and the confirmation e-mail carries an .ics calendar file. Another
 * dealer, another owner and a signed-out visitor find nothing and cannot answer. English pages.
 */
import { expect, test, type Page } from "./fixtures";
import { uniqueEmail, waitForMail } from "./support";
import { DEALER_A, DEALER_A_NAME, DEALER_B, acceptWithNewAccount, captureAction, expectRefused, recordSale, replayAction, signedIn, uniqueVin } from "./linking-support";

test.describe.configure({ timeout: 120_000 });

const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);

/** A datetime-local value `days` ahead at `hour`:00 (the browser's wall clock, which the form reads as Amsterdam time). */
function ahead(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`;
}

test("the owner requests an appointment, the dealer confirms it, the owner gets it confirmed with an .ics file", async ({ browser }) => {
  const vin = uniqueVin();
  const email = uniqueEmail("appointment");
  const dealer = await signedIn(browser, DEALER_A);
  const owner = await acceptWithNewAccount(browser, await recordSale(dealer.page, { vin, email }));

  // The owner asks the demo dealer, found by its town, for a service at two times.
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}`);
  await expect(owner.page.getByTestId("appointments")).toContainText("No appointments yet.");
  await owner.page.getByTestId("request-appointment").click();
  await expect(owner.page.getByRole("heading", { name: "Request an appointment" })).toBeVisible();
  await owner.page.getByLabel("Find a dealer or garage").fill("Amsterdam");
  await owner.page.getByRole("button", { name: "Search" }).click();
  await expect(owner.page).toHaveURL(/q=Amsterdam/);
  const workshop = field(owner.page, "organisationId");
  await workshop.selectOption({ label: await workshop.locator("option", { hasText: DEALER_A_NAME }).first().innerText() });
  await field(owner.page, "reason").selectOption("SERVICE");
  // One time only is refused next to the second field; nothing is lost.
  await field(owner.page, "time1").fill(ahead(7, 9));
  await field(owner.page, "note").fill("Please check the brakes too.");
  await owner.page.getByRole("button", { name: "Send request" }).click();
  await expect(owner.page.getByText("Give two or three preferred times.")).toBeVisible();
  await expect(field(owner.page, "note")).toHaveValue("Please check the brakes too.");
  await field(owner.page, "time2").fill(ahead(8, 14));
  await owner.page.getByRole("button", { name: "Send request" }).click();
  await expect(owner.page).toHaveURL(new RegExp(`/en/garage/vehicles/${owner.vehicleId}\\?appointment=requested$`));
  await expect(owner.page.getByTestId("notice")).toContainText("Your appointment request was sent");
  const request = owner.page.getByTestId("appointment").first();
  await expect(request).toHaveAttribute("data-status", "REQUESTED");
  await expect(request).toContainText(`Service · At ${DEALER_A_NAME}`);
  const appointmentId = (await request.getAttribute("data-appointment-id"))!;

  // The dealer is told by e-mail, and the console's home lists the request to answer.
  const staffMail = await waitForMail(DEALER_A, (m) => m.text.includes(`/console/appointments/${appointmentId}`));
  // In the dealer staff member's own language (Dutch).
  expect(staffMail.subject).toBe(`Afspraakaanvraag voor de Porsche Taycan (${vin})`);
  await dealer.page.goto("/en/console");
  await expect(dealer.page.getByTestId("work-appointments").first()).toContainText(/appointment requests? to answer/);
  await dealer.page.getByTestId("work-appointments").first().getByRole("link").click();
  await expect(dealer.page).toHaveURL(/\/en\/console\/appointments$/);
  await dealer.page.locator(`a[href$="/console/appointments/${appointmentId}"]`).click();
  await expect(dealer.page.getByTestId("appointment-detail")).toContainText("Please check the brakes too.");

  // Another dealer's confirm, replayed from dealer A's button, is refused; so is another owner's and a signed-out one.
  const post = await captureAction(dealer.page, () => dealer.page.getByRole("button", { name: /^Confirm / }).first().click());
  const other = await signedIn(browser, DEALER_B);
  expectRefused(await replayAction(other.context, post));
  expect((await other.page.goto(`/en/console/appointments/${appointmentId}`))?.status()).toBe(404);
  await other.page.goto("/en/console/appointments");
  await expect(other.page.locator(`a[href$="/console/appointments/${appointmentId}"]`)).toHaveCount(0);
  const stranger = await signedIn(browser, "owner@demo.autodossier.test");
  expectRefused(await replayAction(stranger.context, post));
  expect((await stranger.page.goto(`/en/garage/vehicles/${owner.vehicleId}/appointments/new`))?.status()).toBe(404);
  const anonymous = await browser.newContext();
  expect((await replayAction(anonymous, post)).body).not.toContain('"ok":true');
  const anon = await anonymous.newPage();
  await anon.goto(`/en/console/appointments/${appointmentId}`);
  await expect(anon).toHaveURL(/\/en\/sign-in/);

  // Dealer A confirms the first preferred time.
  await dealer.page.reload();
  await dealer.page.getByRole("button", { name: /^Confirm / }).first().click();
  await expect(dealer.page.getByTestId("toast-success")).toContainText("Appointment confirmed");
  await dealer.page.reload();
  await expect(dealer.page.getByTestId("appointment-detail")).toHaveAttribute("data-status", "CONFIRMED");

  // The owner sees it confirmed, with its time.
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}`);
  const confirmed = owner.page.locator(`[data-appointment-id="${appointmentId}"]`);
  await expect(confirmed).toHaveAttribute("data-status", "CONFIRMED");
  await expect(confirmed).toContainText("Confirmed");
  await expect(confirmed.getByTestId("appointment-time")).toContainText("9:00");

  // The confirmation e-mail carries the calendar file.
  const mail = await waitForMail(email, (m) => m.subject.startsWith("Appointment confirmed"));
  expect(mail.text).toContain(DEALER_A_NAME);
  const ics = mail.attachments?.find((a) => a.filename === "appointment.ics");
  expect(ics?.contentType).toMatch(/^text\/calendar/);
  expect(ics?.content).toContain("BEGIN:VCALENDAR");
  expect(ics?.content).toContain(`UID:${appointmentId}@autodossier`);
  expect(ics?.content).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(ics?.content).toContain("END:VEVENT");

  for (const c of [dealer.context, owner.context, other.context, stranger.context, anonymous]) await c.close();
});
