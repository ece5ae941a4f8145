-- Backfill in batches so the table stays writable
ALTER TABLE users ADD COLUMN email_verified boolean DEFAULT false;

UPDATE users SET email_verified = true
WHERE id IN (SELECT user_id FROM verifications WHERE verified_at < now() - interval '1 day')
  AND email_verified IS NOT DISTINCT FROM false;

CREATE INDEX CONCURRENTLY idx_users_email ON users (lower(email));
