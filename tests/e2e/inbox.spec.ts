/**
 * The inbox and the owner's contracts (issue 13, points 6 and 7): a new owner's car arrives with a
 * message; the navigation counts it, the inbox shows it unread, opening it follows its link to
 * the car and the count drops. On the car page the owner turns automatic renewal off and on.
 * Another owner replaying the owner's "open" and "renewal" actions is refused. English pages.
 */
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support";
import { DEALER_A, acceptWithNewAccount, captureAction, expectRefused, recordSale, replayAction, signedIn, uniqueVin } from "./linking-support";

test.describe.configure({ timeout: 120_000 });

test("an unread message is counted in the nav, opened from the inbox to its car, and the count drops; renewal toggles on the car page", async ({ browser }) => {
  const vin = uniqueVin();
  const email = uniqueEmail("inbox");
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email, products: ["CONNECT"] });
  await dealer.context.close();
  const owner = await acceptWithNewAccount(browser, link);
  const page = owner.page;

  // The car's arrival left a message: the nav counts it.
  await page.goto("/en/garage");
  const messagesLink = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /Messages/ });
  await expect(messagesLink.getByTestId("nav-unread")).toHaveText("1");
  await messagesLink.click();
  await expect(page).toHaveURL(/\/en\/messages$/);
  const message = page.getByTestId("message");
  await expect(message).toHaveCount(1);
  await expect(message).toHaveAttribute("data-unread", "true");
  await expect(message.getByTestId("message-title")).toHaveText("Your Porsche Taycan has been added to your garage");

  // Another owner replaying the open action gets nothing, and the message stays unread.
  const openAction = await captureAction(page, () => message.getByRole("button", { name: /Open/ }).click());
  const stranger = await signedIn(browser, "owner@demo.autodossier.test");
  expectRefused(await replayAction(stranger.context, openAction));
  await page.reload();
  await expect(page.getByTestId("message")).toHaveAttribute("data-unread", "true");

  // Opening it goes to the car; the count is gone.
  await page.getByTestId("message").getByRole("button", { name: /Open/ }).click();
  await expect(page).toHaveURL(new RegExp(`/en/garage/vehicles/${owner.vehicleId}$`));
  await expect(page.getByTestId("nav-unread")).toHaveCount(0);
  await page.goto("/en/messages");
  await expect(page.getByTestId("message")).toHaveAttribute("data-unread", "false");

  // Renewal: the contract renews (the dealer's default); the owner turns it off, then on again.
  await page.goto(`/en/garage/vehicles/${owner.vehicleId}`);
  const contract = page.getByTestId("contracts-section").getByTestId("contract").first();
  const initial = await contract.getAttribute("data-renews");
  const [first, second] = initial === "true" ? (["Turn off automatic renewal", "Turn on automatic renewal"] as const) : (["Turn on automatic renewal", "Turn off automatic renewal"] as const);
  const toggle = await captureAction(page, () => contract.getByRole("button", { name: first }).click());
  expectRefused(await replayAction(stranger.context, toggle));
  await page.reload();
  await expect(contract).toHaveAttribute("data-renews", initial!);
  await contract.getByRole("button", { name: first }).click();
  await expect(page.getByTestId("toast-success")).toBeVisible();
  await expect(contract).toHaveAttribute("data-renews", initial === "true" ? "false" : "true");
  await contract.getByRole("button", { name: second }).click();
  await expect(contract).toHaveAttribute("data-renews", initial!);
  await stranger.context.close();
  await owner.context.close();
});

test("the demo owner's inbox counts its unread messages and marks them all read", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "owner@demo.autodossier.test");
  await page.goto("/nl/messages");
  const unread = page.locator('[data-testid="message"][data-unread="true"]');
  // The seed leaves the notice of the contract ending within 30 days and an older car's end unread.
  const n = await unread.count();
  expect(n).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByTestId("nav-unread")).toHaveText(String(n));
  await expect(page.getByTestId("message").filter({ hasText: "loopt af op" })).toHaveAttribute("data-unread", "true");
  await page.getByRole("button", { name: "Alles markeren als gelezen" }).click();
  await expect(page.getByTestId("toast-success")).toBeVisible();
  await expect(unread).toHaveCount(0);
  await expect(page.getByTestId("nav-unread")).toHaveCount(0);
  await context.close();
});

test("signed out, the inbox asks to sign in and shows no message", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/en/messages");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  await expect(page.getByTestId("message")).toHaveCount(0);
  await context.close();
});
