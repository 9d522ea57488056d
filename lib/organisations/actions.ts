"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { createOrganisation } from "./create-organisation";
import { addMember } from "./add-member";
import { removeMember } from "./remove-member";
import { setMemberRole } from "./set-member-role";
import { setUserStatus } from "./set-user-status";
import { AddMemberInput, CreateOrganisationInput, MemberInput, SetMemberRoleInput, SetUserStatusInput } from "./schemas";

export const createOrganisationAction = action(
  CreateOrganisationInput,
  async (input, { actor }) => {
    const org = await createOrganisation({ actor, ...input });
    revalidatePath("/[locale]/console/admin/organisations", "page");
    return org;
  },
  { redirectTo: (org, { locale }) => `/${locale}/console/admin/organisations/${org.id}` },
);

export const addMemberAction = action(AddMemberInput, async (input, { actor }) => {
  const m = await addMember({ actor, ...input });
  revalidatePath("/[locale]/console/admin/organisations/[id]", "page");
  return m;
});

export const setMemberRoleAction = action(SetMemberRoleInput, async (input, { actor }) => {
  await setMemberRole({ actor, ...input });
  revalidatePath("/[locale]/console/admin/organisations/[id]", "page");
  return { done: true };
});

export const removeMemberAction = action(MemberInput, async (input, { actor }) => {
  await removeMember({ actor, ...input });
  revalidatePath("/[locale]/console/admin/organisations/[id]", "page");
  return { done: true };
});

export const setUserStatusAction = action(SetUserStatusInput, async (input, { actor }) => {
  await setUserStatus({ actor, ...input });
  revalidatePath("/[locale]/console/admin/users", "page");
  return { done: true };
});
