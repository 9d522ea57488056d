/**
 * Handover between owners (issue 17, docs/decisions/0034): the seller starts it on the car's page,
 * the buyer follows the e-mailed link and accepts (a new account made there), declines, or finds it
 * withdrawn; within 48 hours, before the buyer opened the car, the seller undoes it.
 */
import { expect, test } from "./fixtures";
import { answerDialog, linkIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, captureAction, expectRefused, replayAction, signedIn } from "./linking-support";
import { sellerWithCar, startHandover } from "./handover-support";

test("a new buyer makes an account from the e-mail and accepts: the car moves with its history and chosen contracts; the seller and their driver lose it", async ({ browser }) => {
  test.setTimeout(180_000);
  const seller = await sellerWithCar(browser);
  const { page, vehicleId } = seller;

  // The seller's authorised driver, invited from the car page, with an account of their own.
  const driverEmail = uniqueEmail("driver");
  const drivers = page.getByTestId("section-drivers");
  await drivers.getByLabel("Driver's e-mail address").fill(driverEmail);
  await drivers.getByLabel("Language of the e-mail").selectOption("en");
  await drivers.getByRole("button", { name: "Send invitation" }).click();
  await expect(drivers.getByTestId("driver-invitation")).toContainText(driverEmail);
  const invitation = linkIn(await waitForMail(driverEmail), /http:\/\/localhost:\d+\/en\/driver-invitations\/[\w-]+/);
  const driverContext = await browser.newContext();
  const driver = await driverContext.newPage();
  await driver.goto(invitation);
  await driver.getByLabel("First name").fill("Daan");
  await driver.getByLabel("Last name").fill("Rijders");
  await driver.getByLabel("Password", { exact: true }).fill("a-long-password-8");
  await driver.getByLabel("Repeat password").fill("a-long-password-8");
  await driver.getByRole("button", { name: "Create account and accept" }).click();
  await expect(driver).toHaveURL(new RegExp(`/en/garage/vehicles/${vehicleId}\\?driving=1$`));

  const buyerEmail = uniqueEmail("buyer");
  const { handoverUrl, link, mail } = await startHandover(page, vehicleId, buyerEmail);
  expect(mail.text).not.toContain("Noor");
  expect(mail.text).not.toContain("Visser");
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await expect(page.getByTestId("handover-pending")).toBeVisible();

  // The buyer, signed out, sees the car, its history and what comes with it, and makes an account.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await expect(buyer.getByRole("heading", { name: "A Porsche Taycan is being handed over to you" })).toBeVisible();
  await expect(buyer.getByTestId("handover-mileage")).toContainText("12,345");
  await expect(buyer.getByTestId("handover-contracts").getByRole("listitem")).toHaveCount(1);
  await expect(buyer.getByTestId("handover-contracts")).toContainText("Connected services");
  await expect(buyer.getByTestId("handover-contracts")).not.toContainText("Charging");
  await expect(buyer.getByText("Noor")).toHaveCount(0);
  await buyer.getByLabel("First name").fill("Bram");
  await buyer.getByLabel("Last name").fill("Koper");
  await buyer.getByLabel("Password", { exact: true }).fill("a-long-password-6");
  await buyer.getByLabel("Repeat password").fill("a-long-password-6");
  await buyer.getByRole("button", { name: "Create account and accept" }).click();
  await expect(buyer).toHaveURL(/\/en\/garage\?handover=accepted$/);
  await expect(buyer.getByTestId("notice")).toBeVisible();

  // The car is the buyer's, with the odometer at sale in its history and only the contract that went with it.
  await buyer.goto(`/en/garage/vehicles/${vehicleId}`);
  await expect(buyer.getByText(seller.vin).first()).toBeVisible();
  await expect(buyer.getByTestId("section-history")).toContainText("Handover (mileage at sale)");
  await expect(buyer.getByTestId("section-contracts").getByTestId("contract")).toHaveCount(1);
  await expect(buyer.getByTestId("section-contracts")).toContainText("Connected services");

  // The seller and their driver lose the car on their next request.
  expect((await page.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(404);
  expect((await driver.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(404);
  await waitForMail(seller.email, (m) => m.subject === "Bram Koper accepted your Porsche Taycan");
  // The seller's handover page says accepted; the buyer opened the car, so only support can undo it.
  await page.goto(handoverUrl);
  await expect(page.getByTestId("handover-state")).toContainText("The buyer accepted");
  await expect(page.getByTestId("handover-buyer")).toHaveText("Bram Koper");
  await expect(page.getByTestId("undo-support")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo the handover" })).toHaveCount(0);
  await waitForMail(buyerEmail, (m) => m.subject === "Your Porsche Taycan is in your garage");
  await waitForMail(driverEmail, (m) => m.subject === "You no longer have access to the Porsche Taycan");

  await driverContext.close();
  await buyerContext.close();
  await seller.context.close();
});

test("a buyer declines: the seller is told and keeps the car", async ({ browser }) => {
  test.setTimeout(120_000);
  const seller = await sellerWithCar(browser);
  const buyerEmail = uniqueEmail("buyer");
  const { handoverUrl, link } = await startHandover(seller.page, seller.vehicleId, buyerEmail);

  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Decline" }).click();
  await answerDialog(buyer, "Decline");
  await expect(buyer.getByTestId("form-success")).toHaveText("You have declined. The owner has been told.");
  await buyer.goto(link);
  await expect(buyer.getByTestId("handover-state")).toHaveText("This handover has been declined.");

  await seller.page.goto(handoverUrl);
  await expect(seller.page.getByTestId("handover-state")).toHaveText("The buyer declined. The car is still yours.");
  await seller.page.goto(`/en/garage/vehicles/${seller.vehicleId}`);
  await expect(seller.page.getByText(seller.vin).first()).toBeVisible();
  await expect(seller.page.getByTestId("handover-pending")).toHaveCount(0);
  await buyerContext.close();
  await seller.context.close();
});

test("the seller withdraws a handover: the buyer's link no longer offers the car", async ({ browser }) => {
  test.setTimeout(120_000);
  const seller = await sellerWithCar(browser);
  const buyerEmail = uniqueEmail("buyer");
  const { link } = await startHandover(seller.page, seller.vehicleId, buyerEmail);
  await seller.page.getByRole("button", { name: "Withdraw the handover" }).click();
  await answerDialog(seller.page, "Withdraw");
  await expect(seller.page.getByTestId("toast-success")).toBeVisible();
  await seller.page.reload();
  await expect(seller.page.getByTestId("handover-state")).toHaveText("You withdrew this handover. The car is still yours.");
  await waitForMail(buyerEmail, (m) => m.subject === "The handover of the Porsche Taycan has been withdrawn");

  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await expect(buyer.getByTestId("handover-state")).toHaveText("The owner has withdrawn this handover.");
  await expect(buyer.getByRole("button", { name: "Create account and accept" })).toHaveCount(0);
  await buyerContext.close();
  await seller.context.close();
});

test("within 48 hours, before the buyer opened the car, the seller undoes an accepted handover", async ({ browser }) => {
  test.setTimeout(150_000);
  const seller = await sellerWithCar(browser);
  const buyerEmail = uniqueEmail("buyer");
  const { handoverUrl, link } = await startHandover(seller.page, seller.vehicleId, buyerEmail);

  // The buyer (a mistyped address's owner, say) accepts but does not open the car.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await buyer.getByLabel("First name").fill("Wrong");
  await buyer.getByLabel("Last name").fill("Person");
  await buyer.getByLabel("Password", { exact: true }).fill("a-long-password-5");
  await buyer.getByLabel("Repeat password").fill("a-long-password-5");
  await buyer.getByRole("button", { name: "Create account and accept" }).click();
  await expect(buyer).toHaveURL(/\/en\/garage\?handover=accepted$/);

  const accepted = await waitForMail(seller.email, (m) => m.subject === "Bram Koper accepted your Porsche Taycan");
  expect(linkIn(accepted, /http:\/\/localhost:\d+\/en\/garage\/handovers\/\w+/)).toContain(new URL(handoverUrl).pathname);
  await seller.page.goto(handoverUrl);
  await seller.page.getByRole("button", { name: "Undo the handover" }).click();
  await answerDialog(seller.page, "Undo");
  await expect(seller.page).toHaveURL(new RegExp(`/en/garage/vehicles/${seller.vehicleId}\\?handover=undone$`));
  await expect(seller.page.getByTestId("notice")).toHaveText("The handover has been undone: the car is back in your garage.");
  await expect(seller.page.getByTestId("section-contracts").getByTestId("contract")).toHaveCount(2);

  // The buyer no longer has it.
  expect((await buyer.goto(`/en/garage/vehicles/${seller.vehicleId}`))?.status()).toBe(404);
  await waitForMail(buyerEmail, (m) => m.subject === "The handover of the Porsche Taycan has been undone");
  await buyerContext.close();
  await seller.context.close();
});

test("nobody but the seller withdraws and nobody but the addressed buyer accepts: others find nothing", async ({ browser }) => {
  test.setTimeout(150_000);
  const seller = await sellerWithCar(browser);
  const buyerEmail = uniqueEmail("buyer");
  const { handoverUrl, link } = await startHandover(seller.page, seller.vehicleId, buyerEmail);
  // The seller's withdrawal, captured without reaching the server, to be replayed by others.
  const withdraw = await captureAction(seller.page, async () => {
    await seller.page.getByRole("button", { name: "Withdraw the handover" }).click();
    await answerDialog(seller.page, "Withdraw");
  });

  // Another owner (signed in with another address) and dealer staff.
  const other = await sellerWithCar(browser);
  const dealer = await signedIn(browser, DEALER_A);
  for (const who of [other, dealer]) {
    expect((await who.page.goto(link))?.status()).toBe(404);
    expect((await who.page.goto(handoverUrl))?.status()).toBe(404);
    expectRefused(await replayAction(who.context, withdraw));
  }
  // Another seller's buyer link, opened by this seller: not theirs to see.
  const otherLink = (await startHandover(other.page, other.vehicleId, uniqueEmail("buyer2"))).link;
  expect((await seller.page.goto(otherLink))?.status()).toBe(404);

  // Still waiting for its buyer, who sees it.
  await seller.page.goto(handoverUrl);
  await expect(seller.page.getByTestId("handover-state")).toContainText("Waiting for the buyer");
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await expect(buyer.getByRole("button", { name: "Create account and accept" })).toBeVisible();
  await buyerContext.close();
  await dealer.context.close();
  await other.context.close();
  await seller.context.close();
});
