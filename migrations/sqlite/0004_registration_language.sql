-- The language the applicant answered in, so that a caseworker can read
-- each answer in it beside their own. Set by the applicant's saves; NULL for
-- registrations made before it was recorded.
ALTER TABLE registrations ADD COLUMN language TEXT
    CHECK (language IS NULL OR length(language) BETWEEN 2 AND 3);
