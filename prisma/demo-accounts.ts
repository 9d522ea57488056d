/** The demo world's sign-ins (README, sign-in page in demo mode). */
export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS = [
  { email: "owner@demo.autodossier.test", role: "owner" },
  { email: "dealer@demo.autodossier.test", role: "dealer" },
  { email: "garage@demo.autodossier.test", role: "garage" },
  { email: "fleet@demo.autodossier.test", role: "fleet" },
  { email: "support@demo.autodossier.test", role: "support" },
  { email: "admin@demo.autodossier.test", role: "admin" },
  { email: "dealer-b@demo.autodossier.test", role: "dealerB" },
  { email: "garage-b@demo.autodossier.test", role: "garageB" },
  { email: "owner-fr@demo.autodossier.test", role: "ownerFr" },
  { email: "owner-be@demo.autodossier.test", role: "ownerBe" },
  { email: "seller@demo.autodossier.test", role: "seller" },
  { email: "buyer@demo.autodossier.test", role: "buyer" },
] as const;
