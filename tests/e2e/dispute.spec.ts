/**
 * A self-registration that meets a car held by another owner (docs/decisions/0035), end to end:
 * support approves the newcomer's certificate, the holder gets an e-mail with two buttons to a
 * signed-in page, and either releases the car (the newcomer gets it) or contests it (support
 * decides in the verification queue, with both sides' documents). The newcomer's pages say only
 * that the car is claimed by another owner who was asked.
 */
import { expect as baseExpect, test } from "./fixtures";
import { answerDialog, waitForMail } from "./support";
import { attach, jpeg } from "./verification-support";
import { disputedCar } from "./dispute-support";

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

test("the holder releases the car with the e-mail's button: the newcomer gets it, both are told", async ({ browser }) => {
  const d = await disputedCar(browser);
  await d.holder.goto(d.releaseUrl);
  await expect(d.holder.getByTestId("dispute-status")).toHaveText("Wacht op je antwoord");
  await d.holder.getByRole("button", { name: "Ik heb hem verkocht, geef de auto vrij" }).click();
  await answerDialog(d.holder, "Ik heb hem verkocht, geef de auto vrij");
  await expect(d.holder.getByTestId("notice")).toContainText("De auto is vrijgegeven");
  await expect(d.holder.getByTestId("dispute-status")).toHaveText("Vrijgegeven");
  await d.holder.goto("/nl/garage");
  await expect(d.holder.getByTestId("garage-vehicle").filter({ hasText: d.vin })).toHaveCount(0);

  await waitForMail(d.newcomerEmail, (m) => m.subject.includes("staat nu in je garage"));
  await waitForMail(d.holderEmail, (m) => m.subject.includes("Je hebt je Porsche"));
  await d.newcomer.goto("/nl/garage");
  await expect(d.newcomer.getByTestId("garage-vehicle").filter({ hasText: d.vin })).toBeVisible();
  await d.newcomer.goto(`/nl/garage/verifications/${d.requestId}`);
  await expect(d.newcomer.getByTestId("dispute-state")).toContainText("De auto staat nu in je garage.");
});

test("the holder contests with their certificate; support decides in the queue on both sides' documents", async ({ browser }) => {
  const d = await disputedCar(browser);
  await d.holder.goto(d.contestUrl);
  await attach(d.holder, "REGISTRATION", { name: "mijn-kenteken.jpg", mimeType: "image/jpeg", buffer: await jpeg() });
  await expect(d.holder.getByTestId("uploaded-REGISTRATION")).toBeVisible();
  await d.holder.getByLabel("Toelichting voor de beoordelaar (optioneel)").fill("Ik heb de auto nooit verkocht.");
  await d.holder.getByRole("button", { name: "Naar de beoordelaar sturen" }).click();
  await expect(d.holder.getByTestId("notice")).toContainText("Een beoordelaar vergelijkt de documenten");
  await expect(d.holder.getByTestId("dispute-status")).toHaveText("Bij een beoordelaar");

  await d.newcomer.goto(`/nl/garage/verifications/${d.requestId}`);
  await expect(d.newcomer.getByTestId("dispute-state")).toContainText("die zegt dat de auto nog van hem of haar is");
  await expect(d.newcomer.locator("main")).not.toContainText(d.holderEmail);

  // Support: the contested claim in the verification queue; both sides' documents inline.
  await d.support.goto("/nl/console/verifications");
  const row = d.support.getByTestId("contested-row").filter({ hasText: d.vin });
  await row.getByRole("link").click();
  await expect(d.support.getByTestId("dispute-status")).toHaveText("Bij een beoordelaar");
  await expect(d.support.getByTestId("claimant-documents").locator("img, iframe")).toHaveCount(3);
  await expect(d.support.getByTestId("holder-document-REGISTRATION").locator("img")).toHaveJSProperty("complete", true);
  expect(await d.support.getByTestId("holder-document-REGISTRATION").locator("img").evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(120);
  await expect(d.support.getByTestId("holder-side")).toContainText("Ik heb de auto nooit verkocht.");
  const holderDoc = new URL(await d.support.getByTestId("holder-document-REGISTRATION").locator("img").evaluate((i: HTMLImageElement) => i.src)).pathname;
  // The newcomer (an owner) cannot open the holder's certificate.
  expect((await d.newcomer.request.get(holderDoc)).status()).toBe(404);

  await d.support.getByRole("button", { name: "De auto gaat naar de aanvrager" }).click();
  await answerDialog(d.support, "De auto gaat naar de aanvrager");
  await expect(d.support.getByTestId("notice")).toContainText("de auto is naar de aanvrager gegaan");
  await expect(d.support.getByTestId("dispute-status")).toHaveText("Besloten: de auto is naar de nieuwe eigenaar gegaan");
  await expect(d.support.getByTestId("holder-documents-gone")).toBeVisible();
  expect((await d.support.request.get(holderDoc)).status()).toBe(404);

  await waitForMail(d.newcomerEmail, (m) => m.subject.includes("staat nu in je garage"));
  await waitForMail(d.holderEmail, (m) => m.subject.includes("is naar de nieuwe eigenaar gegaan"));
  await d.newcomer.goto("/nl/garage");
  await expect(d.newcomer.getByTestId("garage-vehicle").filter({ hasText: d.vin })).toBeVisible();
  await d.holder.goto("/nl/garage");
  await expect(d.holder.getByTestId("garage-vehicle").filter({ hasText: d.vin })).toHaveCount(0);
});
