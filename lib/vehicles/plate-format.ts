/** Displays a stored plate (upper-case, no dashes) the way it is printed. Kept for existing imports. */
export { formatPlate } from "./plate";
