-- A virtual smart card may be requested for one computer (its full DNS name, from registered
-- hardware); collection on any other computer is refused. Empty: any computer.
ALTER TABLE jobs ADD COLUMN target_dns TEXT NOT NULL DEFAULT '';
