/**
 * The portal's icons (lucide's, docs/decisions/0046): each draws its symbol from one sprite,
 * public/icons.svg, which the browser fetches once and caches by its version. A page then carries
 * a `<use>` of a few dozen bytes per icon instead of the icon's paths, twice (in the HTML and in
 * the React payload), and no client component: lucide-react's own icons are client components
 * whose props and code every page shipped.
 *
 * An icon is decorative (aria-hidden) unless it is given a name by aria-label or aria-labelledby
 * (lucide-react also took a title, a role or children; no icon here uses them).
 *
 * Adding an icon: a line below with lucide-react's export name, then `npm run icons` to write the
 * sprite (tests/unit/icons.test.ts fails until it is current).
 */
import type { SVGProps } from "react";

export type IconProps = Omit<SVGProps<SVGSVGElement>, "children">;
export type Icon = (props: IconProps) => React.JSX.Element;

/** The sprite's address, versioned by its content (next.config.ts) so browsers keep it for a year. */
export const SPRITE = `/icons.svg?v=${process.env.ICONS_VERSION ?? "dev"}`;

function icon(name: string): Icon {
  function SpriteIcon({ className, ...rest }: IconProps) {
    const named = rest["aria-label"] !== undefined || rest["aria-labelledby"] !== undefined;
    return (
      <svg width={24} height={24} className={className} aria-hidden={named ? undefined : true} {...rest}>
        <use href={`${SPRITE}#${name}`} />
      </svg>
    );
  }
  SpriteIcon.displayName = name;
  return SpriteIcon;
}

export const AlertCircle = icon("AlertCircle");
export const AlertTriangle = icon("AlertTriangle");
export const ArrowLeft = icon("ArrowLeft");
export const ArrowRightLeft = icon("ArrowRightLeft");
export const BadgeCheck = icon("BadgeCheck");
export const BookCheck = icon("BookCheck");
export const Building2 = icon("Building2");
export const CalendarCheck = icon("CalendarCheck");
export const CalendarClock = icon("CalendarClock");
export const Car = icon("Car");
export const Check = icon("Check");
export const CheckCheck = icon("CheckCheck");
export const CheckCircle2 = icon("CheckCircle2");
export const ChevronDown = icon("ChevronDown");
export const ChevronRight = icon("ChevronRight");
export const ChevronUp = icon("ChevronUp");
export const Circle = icon("Circle");
export const CircleDot = icon("CircleDot");
export const Clock = icon("Clock");
export const Download = icon("Download");
export const ExternalLink = icon("ExternalLink");
export const FileClock = icon("FileClock");
export const FileText = icon("FileText");
export const FileUp = icon("FileUp");
export const FileX2 = icon("FileX2");
export const Gauge = icon("Gauge");
export const History = icon("History");
export const IdCard = icon("IdCard");
export const Info = icon("Info");
export const Languages = icon("Languages");
export const Loader2 = icon("Loader2");
export const Lock = icon("Lock");
export const LogOut = icon("LogOut");
export const Menu = icon("Menu");
export const Paperclip = icon("Paperclip");
export const PencilLine = icon("PencilLine");
export const Plus = icon("Plus");
export const RefreshCw = icon("RefreshCw");
export const Save = icon("Save");
export const Search = icon("Search");
export const Send = icon("Send");
export const ShieldAlert = icon("ShieldAlert");
export const ShieldCheck = icon("ShieldCheck");
export const Trash2 = icon("Trash2");
export const Undo2 = icon("Undo2");
export const Upload = icon("Upload");
export const UserCheck = icon("UserCheck");
export const Users = icon("Users");
export const X = icon("X");
export const XCircle = icon("XCircle");
