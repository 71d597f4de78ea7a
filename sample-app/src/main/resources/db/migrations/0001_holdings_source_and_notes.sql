ALTER TABLE "holdings" ADD COLUMN "created_source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "holdings" ADD COLUMN "notes" text;