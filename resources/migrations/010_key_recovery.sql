-- A certificate recovered from the key archive onto another device is listed on that device
-- too (it stays the certificate of the device it was issued to). And every issued
-- certificate keeps the SHA-256 of its public key, so one key is never certified twice.
CREATE TABLE recovered_certificates (
    device_id BIGINT NOT NULL REFERENCES devices (id),
    certificate_id BIGINT NOT NULL REFERENCES certificates (id),
    recovered_at BIGINT NOT NULL,
    PRIMARY KEY (device_id, certificate_id)
);
CREATE INDEX recovered_certificates_certificate ON recovered_certificates (certificate_id);
ALTER TABLE certificates ADD COLUMN public_key_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX certificates_public_key ON certificates (public_key_sha256);
