-- Single sign-on (ADR 0029): the regional identity provider may identify a person by their codice fiscale
-- (SPID's fiscalNumber, "TINIT-" stripped); the account that the claim is matched against keeps it.
alter table accounts_user add column fiscal_code varchar(16);
create unique index accounts_user_fiscal_code_uk on accounts_user (fiscal_code) where fiscal_code is not null;
