// Prisma CLI configuration. Only `prisma generate` is used from the CLI here;
// migrations run through scripts/db-migrate.ts (see README, "Migrations").
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
