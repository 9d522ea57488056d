import { signInMetadata, signInRoute } from "@/components/auth/sign-in-page";

export const dynamic = "force-static";
export const generateMetadata = signInMetadata;

/** Prerendered (see the layout). */
export default signInRoute(false);
