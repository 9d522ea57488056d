/**
 * Support decides (issue 17, docs/decisions/0034): once the buyer opened the car the seller can no
 * longer undo a handover; support finds it in the console by VIN, undoes it with a reason (a field
 * error without one), the car is back with the seller and both are told. Only support reaches the
 * page and its action. And the demo: the demo buyer finds the waiting handover in the inbox and
 * accepts it by hand; the demo's opened handover is support's to decide.
 */
import { expect, test } from "./fixtures";
import { answerDialog, DEMO_PASSWORD, signIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, captureAction, expectRefused, replayAction, signedIn } from "./linking-support";
import { sellerWithCar, startHandover } from "./handover-support";

const SUPPORT = "support@demo.autodossier.test";
const REASON = "Both owners told support the sale was cancelled and the money returned.";
/** The demo's handover accepted six days ago and opened by its buyer (prisma/seed-handovers.ts). */
const DEMO_ACCEPTED_VIN = "WAUZZZGY5KA031764";

test("the buyer opened the car, so the seller cannot undo; support undoes it with a reason, the car is back with the seller and both are told", async ({ browser }) => {
  test.setTimeout(180_000);
  const seller = await sellerWithCar(browser);
  const buyerEmail = uniqueEmail("buyer");
  const { handoverUrl, link } = await startHandover(seller.page, seller.vehicleId, buyerEmail);

  // The buyer accepts with a new account and opens the car.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await buyer.getByLabel("First name").fill("Bram");
  await buyer.getByLabel("Last name").fill("Koper");
  await buyer.getByLabel("Password", { exact: true }).fill("a-long-password-4");
  await buyer.getByLabel("Repeat password").fill("a-long-password-4");
  await buyer.getByRole("button", { name: "Create account and accept" }).click();
  await expect(buyer).toHaveURL(/\/en\/garage\?handover=accepted$/);
  await buyer.goto(`/en/garage/vehicles/${seller.vehicleId}`);
  await expect(buyer.getByText(seller.vin).first()).toBeVisible();

  // The seller can no longer undo it.
  await seller.page.goto(handoverUrl);
  await expect(seller.page.getByTestId("undo-support")).toBeVisible();
  await expect(seller.page.getByRole("button", { name: "Undo the handover" })).toHaveCount(0);

  // Support finds it by a part of the VIN, sees the buyer opened it, and opens it.
  const support = await signedIn(browser, SUPPORT);
  await support.page.goto("/en/console");
  await support.page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Owner handovers" }).click();
  await expect(support.page).toHaveURL(/\/en\/console\/handovers$/);
  await support.page.getByLabel("Licence plate or VIN").fill(seller.vin.slice(-9).toLowerCase());
  await support.page.getByRole("button", { name: "Search" }).click();
  const row = support.page.getByTestId("handover-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(seller.vin);
  await expect(row.getByTestId("handover-opened")).toContainText("Buyer opened the car on");
  await expect(row.getByTestId("handover-status")).toHaveText("Accepted");
  await row.getByRole("link", { name: "Porsche Taycan" }).click();
  await expect(support.page.getByRole("heading", { level: 1 })).toHaveText("Handover of the Porsche Taycan");
  await expect(support.page.getByTestId("seller-side")).toContainText(seller.email);
  await expect(support.page.getByTestId("buyer-side")).toContainText(buyerEmail);
  await expect(support.page.getByTestId("seller-window")).toHaveText("No longer possible");

  // Without a reason: a field error next to the field, nothing undone.
  const decide = support.page.getByTestId("decide");
  await decide.getByRole("button", { name: "Undo the handover" }).click();
  await answerDialog(support.page, "Undo");
  await expect(decide.getByText("Say why support undoes this handover.")).toBeVisible();
  await expect(decide.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await expect(support.page.getByTestId("handover-status")).toHaveText("Accepted");

  await decide.getByLabel("Reason").fill(REASON);
  await decide.getByRole("button", { name: "Undo the handover" }).click();
  await answerDialog(support.page, "Undo");
  await expect(support.page).toHaveURL(/\/en\/console\/handovers\/\w+\?undone=1$/);
  await expect(support.page.getByTestId("notice")).toHaveText("The handover has been undone. Both owners have been told.");
  await expect(support.page.getByTestId("handover-status")).toHaveText("Undone");
  await expect(support.page.getByTestId("handover-reason")).toHaveText(REASON);
  await expect(support.page.getByTestId("handover-undone")).toContainText("by support");
  await expect(support.page.getByTestId("decide")).toHaveCount(0);

  // The car is back with the seller, with the contract that went with it; the buyer has lost it.
  await seller.page.goto(`/en/garage/vehicles/${seller.vehicleId}`);
  await expect(seller.page.getByText(seller.vin).first()).toBeVisible();
  await expect(seller.page.getByTestId("section-contracts").getByTestId("contract")).toHaveCount(2);
  expect((await buyer.goto(`/en/garage/vehicles/${seller.vehicleId}`))?.status()).toBe(404);
  await seller.page.goto(handoverUrl);
  await expect(seller.page.getByTestId("handover-state")).toContainText("Support undid this handover. The car is back in your garage.");
  await expect(seller.page.getByTestId("handover-support-reason")).toHaveText(`Support's reason: ${REASON}`);

  // Both told, by e-mail and in the inbox, with the reason.
  const sellerMail = await waitForMail(seller.email, (m) => m.subject === "Your Porsche Taycan is back in your garage");
  expect(sellerMail.text).toContain(REASON);
  expect(sellerMail.text).not.toContain(buyerEmail);
  const buyerMail = await waitForMail(buyerEmail, (m) => m.subject === "Support has undone the handover of the Porsche Taycan");
  expect(buyerMail.text).toContain(REASON);
  expect(buyerMail.text).not.toContain(seller.email);
  await buyer.goto("/en/messages");
  await expect(buyer.getByTestId("message").filter({ hasText: "Support has undone the handover of the Porsche Taycan" })).toContainText(REASON);
  await seller.page.goto("/en/messages");
  await expect(seller.page.getByTestId("message").filter({ hasText: "Your Porsche Taycan is back in your garage" })).toContainText(REASON);

  // Once only: the undone handover offers nothing more.
  await support.page.goto("/en/console/handovers?state=undone");
  await expect(support.page.getByTestId("handover-row").filter({ hasText: seller.vin })).toContainText("Undone");
  await support.context.close();
  await buyerContext.close();
  await seller.context.close();
});

test("only support reaches the handovers and their undo: an owner, a dealer and a garage find nothing", async ({ browser }) => {
  test.setTimeout(150_000);
  // Support opens the demo's opened handover and submits an undo, captured before it reaches the server.
  const support = await signedIn(browser, SUPPORT);
  await support.page.goto(`/en/console/handovers?q=${DEMO_ACCEPTED_VIN}`);
  await support.page.getByTestId("handover-row").getByRole("link", { name: "Audi A3 Sportback" }).click();
  await expect(support.page).toHaveURL(/\/en\/console\/handovers\/\w+$/);
  const pageUrl = support.page.url();
  const decide = support.page.getByTestId("decide");
  await decide.getByLabel("Reason").fill(REASON);
  const undo = await captureAction(support.page, async () => {
    await decide.getByRole("button", { name: "Undo the handover" }).click();
    await answerDialog(support.page, "Undo");
  });

  for (const email of ["owner@demo.autodossier.test", DEALER_A, "garage@demo.autodossier.test", "seller@demo.autodossier.test", "buyer@demo.autodossier.test"]) {
    const other = await signedIn(browser, email);
    expect((await other.page.goto("/en/console/handovers"))?.status(), email).toBe(404);
    expect((await other.page.goto(pageUrl))?.status(), email).toBe(404);
    expectRefused(await replayAction(other.context, undo));
    await other.context.close();
  }
  // The dealer's console does not offer it.
  const dealer = await signedIn(browser, DEALER_A);
  await dealer.page.goto("/en/console");
  await expect(dealer.page.getByRole("link", { name: "Owner handovers" })).toHaveCount(0);
  await dealer.context.close();

  // Nothing changed: still accepted, and support can still decide it.
  await support.page.goto(pageUrl);
  await expect(support.page.getByTestId("handover-status")).toHaveText("Accepted");
  await expect(support.page.getByTestId("buyer-holds")).toHaveText("Yes");
  await expect(support.page.getByTestId("decide").getByRole("button", { name: "Undo the handover" })).toBeVisible();
  await support.context.close();
});

test("the demo buyer finds the waiting handover in the inbox and accepts it by hand; the demo seller is told", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "buyer@demo.autodossier.test", DEMO_PASSWORD, "en");
  await page.goto("/en/garage");
  await expect(page.getByTestId("garage-vehicle")).toHaveCount(1);
  const messages = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /Messages/ });
  await expect(messages.getByTestId("nav-unread")).toHaveText("1");
  await messages.click();
  const offer = page.getByTestId("message").filter({ hasText: "A Volkswagen ID.4 is being handed over to you" });
  await expect(offer).toHaveAttribute("data-unread", "true");
  await offer.getByRole("button", { name: /Open/ }).click();
  await expect(page).toHaveURL(/\/en\/garage\/handovers\/\w+$/);

  // The car, its history and what comes with it; nothing of the seller.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A Volkswagen ID.4 is being handed over to you");
  await expect(page.getByTestId("handover-contracts").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("handover-contracts")).not.toContainText("Charging");
  await expect(page.getByText("Jeroen")).toHaveCount(0);
  await expect(page.getByText("Smit")).toHaveCount(0);
  await page.getByRole("button", { name: "Accept the car" }).click();
  await expect(page).toHaveURL(/\/en\/garage\?handover=accepted$/);
  await expect(page.getByTestId("garage-vehicle")).toHaveCount(2);
  await expect(page.getByTestId("garage-vehicle").filter({ hasText: "Volkswagen ID.4" })).toBeVisible();
  await context.close();

  // The seller's garage no longer holds it; their inbox says the buyer accepted.
  const seller = await signedIn(browser, "seller@demo.autodossier.test");
  await seller.page.goto("/en/messages");
  await expect(seller.page.getByTestId("message").filter({ hasText: "Bram Koper accepted your Volkswagen ID.4" })).toBeVisible();
  await seller.page.goto("/en/garage");
  await expect(seller.page.getByTestId("garage-vehicle")).toHaveCount(0);
  await seller.context.close();
});
