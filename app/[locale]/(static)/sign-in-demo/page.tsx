import { signInMetadata, signInRoute } from "@/components/auth/sign-in-page";

export const dynamic = "force-static";
export const generateMetadata = signInMetadata;

/**
 * The sign-in page with the demo accounts, prerendered (see the layout). Never asked for by its
 * own address: with DEMO_MODE, proxy.ts serves it at /<locale>/sign-in (docs/decisions/0041).
 */
export default signInRoute(true);
