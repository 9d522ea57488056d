import { Car } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

/**
 * The car's photo from the access-checked route, or a car icon when it has none. `version` (the
 * photo's time) makes a new photo a new address, so no browser shows the old one.
 */
export function CarPhoto({ vehicleId, version, alt, className }: { vehicleId: string; version: number | null; alt: string; className?: string }) {
  if (version === null) {
    return (
      <div className={cn("flex items-center justify-center rounded-lg bg-zinc-100 text-zinc-400", className)} aria-hidden>
        <Car className="size-1/3" />
      </div>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image: next/image would cache it for everyone
    <img src={`/api/garage/vehicles/${vehicleId}/photo?v=${version}`} alt={alt} className={cn("rounded-lg object-cover", className)} data-testid="car-photo" />
  );
}
