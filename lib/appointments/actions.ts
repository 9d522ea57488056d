"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { requestAppointment } from "./request-appointment";
import { confirmAppointment } from "./confirm-appointment";
import { proposeTime } from "./propose-time";
import { declineAppointment } from "./decline-appointment";
import { acceptProposal } from "./accept-proposal";
import { cancelAppointment } from "./cancel-appointment";
import { AppointmentOnlyInput, ConfirmAppointmentInput, DeclineAppointmentInput, ProposeAppointmentInput, RequestAppointmentInput } from "./schemas";

const carPage = (vehicleId: string) => revalidatePath(`/[locale]/garage/vehicles/${vehicleId}`, "page");
const consolePages = (appointmentId: string) => {
  revalidatePath(`/[locale]/console/appointments/${appointmentId}`, "page");
  revalidatePath(`/[locale]/console/appointments`, "page");
  revalidatePath(`/[locale]/console`, "page");
};

export const requestAppointmentAction = action(
  RequestAppointmentInput,
  async (input, { actor }) => {
    const r = await requestAppointment({ actor, ...input });
    carPage(r.vehicleId);
    return r;
  },
  { redirectTo: (d, { locale }) => `/${locale}/garage/vehicles/${d.vehicleId}?appointment=requested` },
);

export const confirmAppointmentAction = action(ConfirmAppointmentInput, async (input, { actor }) => {
  const r = await confirmAppointment({ actor, ...input });
  consolePages(r.appointmentId);
  return { appointmentId: r.appointmentId };
});

export const proposeTimeAction = action(ProposeAppointmentInput, async (input, { actor }) => {
  const r = await proposeTime({ actor, ...input });
  consolePages(r.appointmentId);
  return r;
});

export const declineAppointmentAction = action(DeclineAppointmentInput, async (input, { actor }) => {
  const r = await declineAppointment({ actor, ...input });
  consolePages(r.appointmentId);
  return r;
});

export const acceptProposalAction = action(AppointmentOnlyInput, async (input, { actor }) => {
  const r = await acceptProposal({ actor, ...input });
  carPage(r.vehicleId);
  return r;
});

export const cancelAppointmentAction = action(AppointmentOnlyInput, async (input, { actor }) => {
  const r = await cancelAppointment({ actor, ...input });
  carPage(r.vehicleId);
  return r;
});
