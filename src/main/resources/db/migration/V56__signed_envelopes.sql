-- Issue 20, documents (ADR 0033): an uploaded CAdES envelope (.p7m) is kept beside the content extracted from it.
-- The document's own columns describe the content (a PDF, an image); these describe the envelope and its signature.
alter table documents_document add column envelope_storage_key varchar(100);
alter table documents_document add column envelope_file_name varchar(255);
alter table documents_document add column envelope_size_bytes int;
alter table documents_document add column envelope_sha256 varchar(64);
alter table documents_document add column signers varchar(1000);
alter table documents_document add column signer_tax_codes varchar(400);
alter table documents_document add column signed_at timestamptz;
alter table documents_document add column signature_intact boolean;
alter table documents_document add constraint documents_document_envelope_ck
    check ((envelope_storage_key is null) = (signature_intact is null));
