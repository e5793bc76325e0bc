CREATE TABLE "users" (
  "id" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "display_name" TEXT NOT NULL,
  "role" TEXT CHECK("role" IN ('reader', 'author', 'admin')) NOT NULL DEFAULT 'reader',
  "createdAt" TEXT NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "users_email_key" UNIQUE ("email")
);
CREATE TABLE "profile" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "userId" TEXT NOT NULL,
  "bio" TEXT DEFAULT NULL,
  CONSTRAINT "profile_userId_key" UNIQUE ("userId"),
  CONSTRAINT "profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE
);
INSERT INTO users VALUES ('u1', 'a@x', 'A', 'admin', '2024');
INSERT INTO profile (userId, bio) VALUES ('u1', 'hi');
