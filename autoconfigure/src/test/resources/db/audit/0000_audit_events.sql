CREATE TABLE "audit_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"what" text NOT NULL
);
