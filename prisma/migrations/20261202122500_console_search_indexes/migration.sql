-- Hand-written (docs/decisions/0038, "Console search at scale"): btree indexes for Console →
-- Vehicles search, so that it starts from the cars that match instead of the dealer's whole list.
-- text_pattern_ops lets `LIKE 'term%'` read a range of the index whatever the database's
-- collation. They are expression indexes (upper(), reverse()) because Prisma's schema language
-- cannot declare a btree operator class: the schema engine would drop a plain-column index with
-- one. VINs and plates are stored upper-cased, so upper() changes no value.
-- VIN: exact or prefix.
CREATE INDEX "Vehicle_vin_upper_pattern" ON "Vehicle" (upper("vin") text_pattern_ops);
-- VIN: its end (the last characters staff read off a certificate), a prefix of the reversed VIN.
CREATE INDEX "Vehicle_vin_reverse_pattern" ON "Vehicle" (reverse(upper("vin")) text_pattern_ops);
-- Plate (stored without separators): exact or prefix, any country, current or earlier.
CREATE INDEX "LicencePlate_plate_upper_pattern" ON "LicencePlate" (upper("plate") text_pattern_ops);
-- The dealer's live links, newest first: the list with no search term reads one page of it.
CREATE INDEX "Holding_linked_live" ON "Holding" ("linkedByOrganisationId", "startedAt" DESC) WHERE "endedAt" IS NULL;
