INSERT INTO "notes" ("author") VALUES ('seed');
