INSERT INTO "widgets" ("name") VALUES ('sprocket');--> statement-breakpoint
INSERT INTO "widgets" ("name") VALUES ('gear');
