CREATE TABLE "notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"author" text NOT NULL
);
