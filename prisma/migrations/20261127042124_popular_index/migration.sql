-- CreateIndex
CREATE INDEX "Film_popular_idx" ON "Film"("reviewCount" DESC, "id");
