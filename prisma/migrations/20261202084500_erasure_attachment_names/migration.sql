-- Erasure (docs/decisions/0031): an attachment stays append-only, but the file name an erased
-- user gave may hold their name; the one change let through besides ON DELETE SET NULL is the
-- name becoming the neutral `attachment` with its extension (lib/privacy/erase.ts).
CREATE OR REPLACE FUNCTION "service_attachment_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND (to_jsonb(NEW) - 'uploadedById' - 'holderId' - 'originalName') = (to_jsonb(OLD) - 'uploadedById' - 'holderId' - 'originalName')
    AND (NEW."uploadedById" IS NULL OR NEW."uploadedById" = OLD."uploadedById")
    AND (NEW."holderId" IS NULL OR NEW."holderId" = OLD."holderId")
    AND (NEW."originalName" = OLD."originalName" OR NEW."originalName" ~ '^attachment(\.[a-z0-9]{1,8})?$') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ServiceAttachment is append-only';
END;
$$;
