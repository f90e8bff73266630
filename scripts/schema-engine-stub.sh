#!/bin/sh
echo "Marquee does not use Prisma's native schema engine: run 'npm run db:migrate' (or db:migrate:create / db:status)." >&2
exit 1
