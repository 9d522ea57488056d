import { formatPlate, type PlateCountry } from "@/lib/server/plate";
import { cn } from "@/components/ui/cn";

/** A licence plate as printed: Dutch yellow, Belgian white with red characters. */
export function PlateBadge({ plate, className }: { plate: { plate: string; country: PlateCountry } | null; className?: string }) {
  if (!plate) return <span className="text-zinc-500">—</span>;
  return (
    <span
      data-testid="plate"
      className={cn(
        // A plate never wraps ("GZ-231-" / "K"), nor shrinks in a flex row.
        "inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded border-2 px-2 py-0.5 font-mono font-semibold tracking-wider",
        plate.country === "NL" ? "border-zinc-900 bg-yellow-300 text-zinc-900" : "border-red-700 bg-white text-red-700",
        className,
      )}
    >
      <span className="rounded-sm bg-blue-700 px-0.5 text-[0.6rem] font-bold leading-tight text-white">{plate.country}</span>
      {formatPlate(plate.plate, plate.country)}
    </span>
  );
}

/** A licence plate as text in a list or a detail row: monospaced, never broken across lines. */
export function PlateText({ plate, className }: { plate: { plate: string; country: PlateCountry | null } | null; className?: string }) {
  if (!plate) return <span className={cn("text-zinc-500", className)}>—</span>;
  return (
    <span data-testid="plate" className={cn("whitespace-nowrap font-mono", className)}>
      {formatPlate(plate.plate, plate.country)}
    </span>
  );
}
