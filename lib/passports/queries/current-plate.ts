/** The `select` of a vehicle's current plate, shared by the passport views. */
export const currentPlate = { where: { validTo: null }, select: { plate: true, country: true }, take: 1, orderBy: { validFrom: "desc" as const } };
