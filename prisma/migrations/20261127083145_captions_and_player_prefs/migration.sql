-- CreateEnum
CREATE TYPE "CaptionKind" AS ENUM ('CAPTIONS', 'SUBTITLES');

-- CreateTable
CREATE TABLE "CaptionTrack" (
    "id" TEXT NOT NULL,
    "filmId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" "CaptionKind" NOT NULL DEFAULT 'CAPTIONS',
    "content" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaptionTrack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlayerPreference" (
    "userId" TEXT NOT NULL,
    "captionLang" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlayerPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaptionTrack_filmId_lang_key" ON "CaptionTrack"("filmId", "lang");

-- AddForeignKey
ALTER TABLE "CaptionTrack" ADD CONSTRAINT "CaptionTrack_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayerPreference" ADD CONSTRAINT "PlayerPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A caption track is at most 512 KB (lib/media/webvtt.ts checks uploads first)
ALTER TABLE "CaptionTrack" ADD CONSTRAINT "CaptionTrack_content_size" CHECK (octet_length("content") <= 524288);
